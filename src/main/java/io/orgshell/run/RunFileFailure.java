package io.orgshell.run;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A file of a run (its journal, {@code run.json}, {@code results.csv}, {@code undo.csv}) could not be written: a
 * full disk, a file size limit, an I/O error. The run stops sending and says how to go on once the cause is fixed.
 */
public final class RunFileFailure extends UncheckedIOException {

    RunFileFailure(String what, IOException cause) {
        super("cannot write " + what + " (" + reason(cause) + ")", cause);
    }

    /** "No space left on device": what the OS said, or the failure's kind. */
    static String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
