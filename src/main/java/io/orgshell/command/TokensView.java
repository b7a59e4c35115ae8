package io.orgshell.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import io.orgshell.directory.TokenFacts;
import io.orgshell.directory.TokenSelection;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code tokens list}: the org's API tokens a selection names, each with its owner, dates and status. The CSV of
 * {@code --out} has the document's fields as its columns; the table leaves out the IDs.
 */
record TokensView(
        List<Entry> tokens,
        int total,
        String selected,
        @JsonIgnore boolean everything) implements Listing {

    static final List<String> CSV_HEADER =
            List.of("token_id", "account_id", "label", "owner", "created", "last_active", "expires", "status");

    /** Dates ISO-8601; {@code lastActive} null when the token was never used. */
    record Entry(
            String tokenId,
            String accountId,
            String label,
            String owner,
            String created,
            String lastActive,
            String expires,
            String status) {

        List<String> csv() {
            return List.of(
                    Objects.toString(tokenId, ""),
                    Objects.toString(accountId, ""),
                    Objects.toString(label, ""),
                    Objects.toString(owner, ""),
                    Objects.toString(created, ""),
                    Objects.toString(lastActive, ""),
                    Objects.toString(expires, ""),
                    Objects.toString(status, ""));
        }

        /** Label, owner, dates (days only: the table is for reading) and status. */
        List<String> cells() {
            return List.of(
                    Objects.toString(label, ""),
                    Objects.toString(owner, ""),
                    day(created),
                    lastActive == null ? "never" : day(lastActive),
                    day(expires),
                    Objects.toString(status, ""));
        }

        private static String day(String instant) {
            return instant == null ? "" : instant.length() >= 10 ? instant.substring(0, 10) : instant;
        }
    }

    static TokensView of(TokenSelection.Selected selected, boolean everything) {
        return new TokensView(
                selected.tokens().stream().map(TokensView::entry).toList(),
                selected.seen(),
                selected.selected(),
                everything);
    }

    private static Entry entry(TokenFacts t) {
        return new Entry(
                t.id(),
                t.accountId(),
                t.label(),
                t.email(),
                text(t.created()),
                text(t.lastActive()),
                text(t.expires()),
                t.status());
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    @Override
    public Console.Table table(boolean forPerson) {
        return new Console.Table(
                List.of("Label", "Owner", "Created", "Last active", "Expires", "Status"),
                tokens.stream().map(Entry::cells).toList());
    }

    @Override
    public List<String> notes(Styles styles) {
        return List.of(count());
    }

    /** "12 API tokens", "4 of 120 API tokens: tokens unused since 2026-09-04". */
    String count() {
        if (tokens.isEmpty()) {
            return everything ? "the organization has no API tokens" : "no API token matches: " + selected;
        }
        return everything
                ? tokens.size() + (tokens.size() == 1 ? " API token" : " API tokens")
                : tokens.size() + " of " + total + " API tokens: " + selected;
    }
}
