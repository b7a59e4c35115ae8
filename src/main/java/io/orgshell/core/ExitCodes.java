package io.orgshell.core;

/** Process exit codes of one-shot and script mode (docs/commands.md has the same table). */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and failed: the API refused, a file could not be written, a row failed. */
    public static final int FAILED = 1;
    /** Unknown command or option, missing or invalid value, bad input file. */
    public static final int USAGE = 2;
    /** The command needs a session and none is open. */
    public static final int UNAVAILABLE = 3;
    /** The API could not be reached (refused, timed out, closed early). */
    public static final int UNREACHABLE = 4;
    /** The API key was refused (401) or does not allow this (403 on the organization). */
    public static final int AUTH = 5;
    /** An internal error: a fault of orgshell's own, not of the input or the org ({@code --debug} shows where). */
    public static final int INTERNAL = 70;
    /** Interrupted with Ctrl-C. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
