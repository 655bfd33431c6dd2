package io.racefree.lab.soak;

/**
 * One injected fault: when (milliseconds after the soak started), what, and how it went.
 *
 * @param atMillis when the injection started, after the soak's start
 * @param kind the fault's label
 * @param detail what exactly was done, in words
 * @param millis how long the fault lasted
 */
public record FaultEvent(long atMillis, String kind, String detail, long millis) {}
