package io.orgshell.run;

/**
 * Why the executor skipped a step without writing. {@code retry failed} gives a step skipped for
 * {@link #WAITS_FOR_STEP} another chance along with the failed step it waited for; the others stay skipped.
 */
public enum SkipReason {
    /** The step it waited for (a chain or a swap) did not apply. */
    WAITS_FOR_STEP,
    /** The account is no longer in the org. */
    ACCOUNT_GONE,
    /** The account is no longer as preview saw it. */
    CHANGED_SINCE_PREVIEW,
    /** The account became one preview protects (an org admin, IdP-managed, the caller's own). */
    PROTECTED
}
