package io.racefree.lab.soak;

/**
 * One invariant checked after a soak, from the database itself.
 *
 * @param name what must hold, in words
 * @param passed whether it held
 * @param detail the figures behind the verdict
 */
public record SoakCheck(String name, boolean passed, String detail) {}
