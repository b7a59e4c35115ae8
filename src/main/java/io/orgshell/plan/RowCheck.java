package io.orgshell.plan;

/** Preview's answer for one row: the verdict, why, and the account's current value as the org reported it. */
public record RowCheck(PlanRow row, Verdict verdict, String reason, String current) {
}
