package io.orgshell.core;

/** Text the API may leave out or send blank, shown or written with a stand-in. */
public final class Strings {
    private Strings() {}

    /** {@code fallback} when {@code s} is null or blank, else {@code s}. */
    public static String orElse(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
