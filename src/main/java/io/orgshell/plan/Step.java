package io.orgshell.plan;

/**
 * One write of a run, in run order. A row is usually one step; a row on a cycle of swaps takes two, through a
 * temporary address. {@code after} is the step that must have succeeded first (-1 for none): the account that
 * holds this step's target until it moves away.
 */
public record Step(int number, int rowIndex, String accountId, String from, String to, boolean temporary, int after) {}
