package io.orgshell.command;

import io.orgshell.core.UsageException;
import io.orgshell.directory.Selection;
import io.orgshell.directory.TokenSelection;
import io.orgshell.plan.DirectoryPlanner;
import io.orgshell.plan.Operation;
import java.time.Clock;

/**
 * The token options {@code tokens list} and {@code plan token-revoke} share, as typed: {@code --unused-since}
 * (last active before then, or never used and created before then), {@code --created-before} and its relative
 * spelling {@code --older-than}. Each takes a number of days ({@code 90d}) or a date ({@code 2026-06-01}).
 */
record TokenOptions(String unusedSince, String createdBefore, String olderThan) {

    static final String UNUSED_SINCE = "only tokens not used since then: 90d, or a date such as 2026-06-01 (a token "
            + "never used counts from when it was created)";
    static final String CREATED_BEFORE = "only tokens created before this date (2026-06-01) or days ago (180d)";
    static final String OLDER_THAN = "only tokens created more than this long ago: 180d (or a date)";

    /** {@code refuseAny}: the options were given to a command they do not apply to. */
    TokenSelection.Filter filter(Clock clock, boolean refuseAny) {
        if (refuseAny && (unusedSince != null || createdBefore != null || olderThan != null)) {
            throw new UsageException("--unused-since and --older-than are for 'plan token-revoke' only");
        }
        if (createdBefore != null && olderThan != null) {
            throw new UsageException("--created-before and --older-than say the same thing: give one of them");
        }
        return new TokenSelection.Filter(
                SelectionOptions.since("--unused-since", unusedSince, clock),
                createdBefore != null
                        ? SelectionOptions.since("--created-before", createdBefore, clock)
                        : SelectionOptions.since("--older-than", olderThan, clock));
    }

    /** A token plan takes no group or domain move, and names some tokens: it is not built for all by accident. */
    static DirectoryPlanner.Request checkPlan(
            String group,
            String fromDomain,
            String toDomain,
            Boolean lowercase,
            Selection selection,
            TokenSelection.Filter filter) {
        if (group != null && !group.isBlank()) {
            throw new UsageException("plan token-revoke takes no GROUP; it was given '" + group.strip() + "'");
        }
        if (fromDomain != null || toDomain != null || Boolean.TRUE.equals(lowercase)) {
            throw new UsageException("--from-domain, --to-domain and --lowercase are for 'plan email' only");
        }
        if (selection.isEverything() && filter.isEverything()) {
            throw new UsageException("plan token-revoke needs --unused-since, --older-than or a selection of "
                    + "accounts: a plan revoking every token is not built by accident");
        }
        return new DirectoryPlanner.Request(Operation.TOKEN_REVOKE, selection, null, null, null, false, null);
    }
}
