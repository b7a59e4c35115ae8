package io.orgshell.plan;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What one operation means: how to read its state off an account, what a row wants, how to write it, and how to
 * undo it. An account's state for a row is a string ({@code suspended}, {@code in:<group>}, an email...), so preview,
 * the re-check before each write and the check after a lost answer all compare the same way.
 */
public interface OperationHandler {

    Operation operation();

    /** The row's account state now and wanted, or why the row cannot run. */
    record Assessment(String current, String target, String blocked) {

        public static Assessment blocked(String current, String why) {
            return new Assessment(current, null, why);
        }
    }

    Assessment assess(PlanRow row, AccountState account, WriteContext ctx);

    /** One write of a row: the part of the account's state it changes, from and to. */
    record Change(String from, String to) {}

    /**
     * The writes a row takes, in order, given its assessment; one for every operation but those that make several
     * changes to each account (offboarding: access, each token, each group, each its own step).
     */
    default List<Change> changes(PlanRow row, AccountState account, WriteContext ctx, Assessment assessed) {
        return List.of(new Change(assessed.current(), assessed.target()));
    }

    /** The row's state once {@code step} of it has landed ({@code now}: the row's state before it). */
    default String landed(String now, Step step) {
        return step.to();
    }

    /**
     * The step in words, where a row takes steps of different kinds, so that a failure names the one that failed
     * ({@code rowState}: the row's state at preview); null when the row's outcome says enough.
     */
    default String stepName(Step step, String rowState) {
        return null;
    }

    /** The account's state as this step sees it (before: equals {@code from}; after: equals {@code to}). */
    String state(AccountState account, Step step);

    /** The account as it is once this step has succeeded. */
    AccountState applied(AccountState account, Step step);

    /** What an account read back after a write answered with success says of the change. */
    enum Shows {
        CHANGE,
        NO_CHANGE,
        /** The read cannot tell: the answer left out the field the change is in. */
        CANNOT_TELL;

        public static Shows change(boolean shown) {
            return shown ? CHANGE : NO_CHANGE;
        }
    }

    /** Whether the account, read back after the step's write was answered with success, shows the change. */
    default Shows shows(AccountState account, Step step) {
        return Shows.change(account != null && same(state(account, step), step.to()));
    }

    /**
     * Sends the step's write through the context's client or, for directory operations, its directory, and waits
     * for the answer: the success status the API gave, or null when it gave none.
     */
    Integer write(Step step, PlanRow row, WriteContext ctx);

    default boolean same(String a, String b) {
        return a != null && a.equals(b);
    }

    /**
     * Reads what the operation's state needs besides the directory's answer (an account's API tokens), for the
     * accounts a run's batch re-reads, before {@link #state} is asked of them. Nothing for most operations.
     */
    default void readAlongside(Collection<String> accountIds, WriteContext ctx) {}

    /**
     * What a run of this operation took that nothing can give back, named for the operator ({@code rows}: the rows
     * it applied), or null when the operation has nothing to say beyond having no inverse.
     */
    default String cannotGiveBack(List<PlanRow> rows) {
        return null;
    }

    /**
     * As {@link #cannotGiveBack(List)}, from the steps of {@code preview} that landed ({@code landed}: their numbers);
     * said by undo whether or not the operation has an inverse.
     */
    default String cannotGiveBack(Preview preview, Set<Integer> landed) {
        return inverse() != null
                ? null
                : cannotGiveBack(preview.steps().stream()
                        .filter(s -> landed.contains(s.number()))
                        .map(s -> preview.check(s.rowIndex()).row())
                        .distinct()
                        .toList());
    }

    /** Whether preview must ask the directory listing for each user's groups. */
    default boolean needsGroups() {
        return false;
    }

    /** The operation that undoes this one, or null when nothing can (remove). */
    Operation inverse();

    /** Why nothing undoes this operation, said where undo is refused; null for the reason remove has. */
    default String whyNoUndo() {
        return null;
    }

    /** The undo plan's header and the row that reverses one applied row ({@code from}: the state before). */
    List<String> undoHeader();

    List<String> undoRow(PlanRow row, String from, String to);
}
