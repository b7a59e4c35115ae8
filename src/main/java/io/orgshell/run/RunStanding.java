package io.orgshell.run;

import io.orgshell.session.Connection;
import java.nio.file.Files;

/**
 * Whether a run can still be worked on from here. {@code sandboxGone}: the run was made against a start of the
 * embedded sandbox other than the one this session is connected to; that start lived inside the process that
 * launched it, and a new {@code --sandbox} is a fresh org, so the run's org is gone for good. {@code neverResumes}:
 * why an unfinished run can never be resumed (its sandbox is gone, its plan files are missing), null when it can,
 * or when it is finished. An org other than the sandbox is taken as reachable: only its own key could say otherwise.
 */
public record RunStanding(boolean sandboxGone, String neverResumes) {

    public static RunStanding of(RunDirectory dir, RunMeta meta, Connection connected) {
        boolean gone = meta.sandboxInstance() != null
                && (connected == null || !meta.sandboxInstance().equals(connected.sandboxInstance()));
        String never = null;
        if (meta.unfinished()) {
            if (gone) {
                never = "its sandbox start is gone";
            } else if (!Files.exists(dir.planFile()) || !Files.exists(dir.stepsFile())) {
                never = "its plan files are missing";
            }
        }
        return new RunStanding(gone, never);
    }

    /** A run whose files cannot be read can never be resumed either. */
    public static RunStanding damaged() {
        return new RunStanding(false, "it is damaged");
    }

    /** The marks {@code runs list} shows; empty when there is nothing to say. */
    public String marks() {
        if (neverResumes != null) {
            return sandboxGone ? "sandbox gone; can never resume" : "can never resume: " + neverResumes;
        }
        return sandboxGone ? "sandbox gone" : "";
    }
}
