package io.orgshell.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a run stands. {@code RUNNING} while a process works on it, {@code PAUSED} after quit, {@code INTERRUPTED}
 * after Ctrl-C or a fatal error, {@code FINISHED} when every step has a result. A process killed outright leaves
 * {@code RUNNING} behind; the run's lock tells that apart from a live one. Written in {@code run.json} and the
 * journal as the lower-case word, as it always was.
 */
public enum RunState {
    RUNNING,
    PAUSED,
    INTERRUPTED,
    FINISHED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunState of(String label) {
        for (RunState s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a run state: " + label);
    }
}
