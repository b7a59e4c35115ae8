package io.orgshell.run;

/** The recorded end of one step: its outcome, the HTTP status and API error code when there was one, and why. */
public record StepResult(int step, Outcome outcome, int status, String code, String reason) {
}
