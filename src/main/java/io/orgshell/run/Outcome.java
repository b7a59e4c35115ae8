package io.orgshell.run;

import java.util.Locale;

/** How a row (or one write of it) ended. Every row of a run ends in exactly one. */
public enum Outcome {
    APPLIED,
    ALREADY_DONE,
    SKIPPED,
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public boolean succeeded() {
        return this == APPLIED || this == ALREADY_DONE;
    }
}
