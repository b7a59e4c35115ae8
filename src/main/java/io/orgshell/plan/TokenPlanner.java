package io.orgshell.plan;

import io.orgshell.core.UserFacingException;
import io.orgshell.directory.TokenFacts;
import io.orgshell.directory.TokenSelection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code token-revoke} change file from the org's token listing: one row per token, with what the listing says
 * of it beside the two columns the run reads (account and token ID), for the person reading the file.
 */
public final class TokenPlanner {

    public static final List<String> HEADER = List.of(
            Operation.Columns.ACCOUNT_ID,
            Operation.Columns.TOKEN_ID,
            Operation.Columns.EMAIL,
            Operation.Columns.LABEL,
            "created",
            "last_active",
            "expires",
            "status");

    private TokenPlanner() {}

    /** The draft of the selected tokens; none selected is an error, nothing written. */
    public static DirectoryPlanner.Draft draft(TokenSelection.Selected selected) {
        if (selected.tokens().isEmpty()) {
            throw new UserFacingException("no API token matches (" + selected.selected() + ", of " + selected.seen()
                    + " in the organization); nothing was written");
        }
        return new DirectoryPlanner.Draft(
                Operation.TOKEN_REVOKE,
                selected.selected(),
                HEADER,
                selected.tokens().stream().map(TokenPlanner::row).toList(),
                Map.of());
    }

    static List<String> row(TokenFacts t) {
        return List.of(
                Objects.toString(t.accountId(), ""),
                Objects.toString(t.id(), ""),
                Objects.toString(t.email(), ""),
                Objects.toString(t.label(), ""),
                text(t.created()),
                text(t.lastActive()),
                text(t.expires()),
                Objects.toString(t.status(), ""));
    }

    private static String text(Instant i) {
        return i == null ? "" : i.toString();
    }
}
