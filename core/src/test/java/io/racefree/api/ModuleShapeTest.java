package io.racefree.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module exports the API packages only, and no API signature mentions an internal type. */
class ModuleShapeTest {
  private static final Path CLASSES = Path.of("target", "classes");

  private static ModuleDescriptor descriptor() {
    return ModuleFinder.of(CLASSES).find("io.racefree.core").orElseThrow().descriptor();
  }

  @Test
  void everyApiPackageIsExportedAndNoInternalOne() {
    ModuleDescriptor module = descriptor();
    Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> api = module.packages().stream().filter(name -> !name.contains("internal"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(exported).isEqualTo(api).contains("io.racefree", "io.racefree.upsert", "io.racefree.lock");
    module.exports().forEach(export -> assertThat(export.isQualified()).isFalse());
  }

  @Test
  void noPublicSignatureOfTheApiMentionsAnInternalType() throws IOException, ClassNotFoundException {
    List<String> leaks = new ArrayList<>();
    for (String className : apiClassNames()) {
      Class<?> type = Class.forName(className, false, getClass().getClassLoader());
      if (!Modifier.isPublic(type.getModifiers())) {
        continue;
      }
      List<Member> members = new ArrayList<>();
      members.addAll(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredConstructors()));
      members.addAll(List.of(type.getDeclaredFields()));
      for (Member member : members) {
        int modifiers = member.getModifiers();
        if (member.isSynthetic() || !(Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers))) {
          continue;
        }
        for (Type mentioned : signature(member)) {
          for (Class<?> raw : rawTypes(mentioned, new HashSet<>())) {
            if (raw.getPackageName().contains(".internal")) {
              leaks.add(member + " mentions " + raw.getName());
            }
          }
        }
      }
      if (type.getGenericSuperclass() != null) {
        rawTypes(type.getGenericSuperclass(), new HashSet<>()).stream()
            .filter(raw -> raw.getPackageName().contains(".internal"))
            .forEach(raw -> leaks.add(type + " extends " + raw.getName()));
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void everyPublicApiTypeSaysWhetherItIsThreadSafe() throws IOException {
    Pattern declaration = Pattern.compile(
        "^public (?:final |abstract |sealed )*(?:class|interface|record|enum|@interface) ", Pattern.MULTILINE);
    List<String> silent = new ArrayList<>();
    int checked = 0;
    for (ModuleDescriptor.Exports export : descriptor().exports()) {
      Path directory = Path.of("src", "main", "java").resolve(export.source().replace('.', '/'));
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          Matcher matcher = declaration.matcher(source);
          if (!matcher.find()) {
            continue;
          }
          checked++;
          String before = source.substring(0, matcher.start());
          String javadoc = before.substring(Math.max(before.lastIndexOf("/**"), 0));
          if (!javadoc.toLowerCase(java.util.Locale.ROOT).contains("thread-safe")) {
            silent.add(file.toString());
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(silent).isEmpty();
  }

  private static Set<String> apiClassNames() throws IOException {
    Set<String> names = new TreeSet<>();
    for (ModuleDescriptor.Exports export : descriptor().exports()) {
      Path directory = CLASSES.resolve(export.source().replace('.', '/'));
      try (Stream<Path> files = Files.list(directory)) {
        files.map(path -> path.getFileName().toString())
            .filter(file -> file.endsWith(".class") && !file.equals("module-info.class"))
            .forEach(file -> names.add(export.source() + "." + file.substring(0, file.length() - 6)));
      }
    }
    assertThat(names).hasSizeGreaterThan(50);
    return names;
  }

  private static List<Type> signature(Member member) {
    List<Type> types = new ArrayList<>();
    if (member instanceof Method method) {
      types.add(method.getGenericReturnType());
    }
    if (member instanceof Executable executable) {
      types.addAll(List.of(executable.getGenericParameterTypes()));
      types.addAll(List.of(executable.getGenericExceptionTypes()));
    }
    if (member instanceof Field field) {
      types.add(field.getGenericType());
    }
    if (member instanceof Constructor<?> constructor && constructor.getDeclaringClass().isEnum()) {
      types.clear();
    }
    return types;
  }

  private static Set<Class<?>> rawTypes(Type type, Set<Type> seen) {
    Set<Class<?>> raw = new HashSet<>();
    if (!seen.add(type)) {
      return raw;
    }
    if (type instanceof Class<?> plain) {
      raw.add(plain.isArray() ? plain.getComponentType() : plain);
    } else if (type instanceof ParameterizedType parameterized) {
      raw.addAll(rawTypes(parameterized.getRawType(), seen));
      for (Type argument : parameterized.getActualTypeArguments()) {
        raw.addAll(rawTypes(argument, seen));
      }
    } else if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        raw.addAll(rawTypes(bound, seen));
      }
      for (Type bound : wildcard.getLowerBounds()) {
        raw.addAll(rawTypes(bound, seen));
      }
    } else if (type instanceof TypeVariable<?> variable) {
      for (Type bound : variable.getBounds()) {
        raw.addAll(rawTypes(bound, seen));
      }
    } else if (type instanceof GenericArrayType array) {
      raw.addAll(rawTypes(array.getGenericComponentType(), seen));
    }
    return raw;
  }
}
