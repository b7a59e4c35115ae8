package io.orgshell.plan;

/** What preview says of a row. Only OK rows are ever sent. */
public enum Verdict {
    OK,
    ALREADY_DONE,
    BLOCKED,
    INVALID;

    public String label() {
        return name().replace('_', ' ');
    }
}
