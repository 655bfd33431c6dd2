package io.racefree.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Maven Central shape of the build: the BOM lists every published module at the parent's
 * version, the lab and the bench are neither installed nor deployed, and the license is there.
 */
class PublicationShapeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> UNPUBLISHED = List.of("lab", "bench", "docs-check");

  @Test
  void bomListsEveryPublishedModuleAtTheParentsVersion() throws Exception {
    Document parent = parse(ROOT.resolve("pom.xml"));
    Document bom = parse(ROOT.resolve("bom/pom.xml"));
    String version = directChild(parent.getDocumentElement(), "version");
    assertThat(directChild(bom.getDocumentElement(), "version")).isEqualTo(version);

    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      managed.add(directChild((Element) dependencies.item(i), "artifactId"));
    }
    for (String module : modules(parent)) {
      if (module.equals("bom") || UNPUBLISHED.contains(module)) {
        continue;
      }
      String artifact = directChild(parse(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement(), "artifactId");
      assertThat(managed).as("racefree-bom lists %s", artifact).contains(artifact);
    }
  }

  @Test
  void labAndBenchAreNotPublished() throws Exception {
    for (String module : UNPUBLISHED) {
      Element properties = (Element) parse(ROOT.resolve(module).resolve("pom.xml"))
          .getElementsByTagName("properties").item(0);
      assertThat(directChild(properties, "maven.deploy.skip")).as(module).isEqualTo("true");
      assertThat(directChild(properties, "maven.install.skip")).as(module).isEqualTo("true");
    }
  }

  @Test
  void centralMetadataAndLicenseArePresent() throws Exception {
    Element parent = parse(ROOT.resolve("pom.xml")).getDocumentElement();
    for (String element : List.of("url", "description", "licenses", "developers", "scm")) {
      assertThat(parent.getElementsByTagName(element).getLength()).as(element).isPositive();
    }
    assertThat(parent.getAttribute("child.project.url.inherit.append.path"))
        .as("modules keep the project's URL instead of appending their artifactId").isEqualTo("false");
    assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
    assertThat(parent.getElementsByTagName("project.build.outputTimestamp").getLength()).isEqualTo(1);
  }

  private static List<String> modules(Document parent) {
    List<String> modules = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagName("module");
    for (int i = 0; i < nodes.getLength(); i++) {
      modules.add(nodes.item(i).getTextContent().trim());
    }
    return modules;
  }

  private static String directChild(Element element, String name) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().trim();
      }
    }
    return null;
  }

  private static Document parse(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }
}
