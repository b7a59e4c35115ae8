package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.Strings;
import io.orgshell.directory.UserLookup;
import java.util.List;
import java.util.Objects;

/**
 * {@code users find}: the accounts whose name or email holds the text, at most {@code limit} of them (null: every
 * one) of the {@code total} found.
 */
record FoundView(String query, List<Account> accounts, boolean more, Integer limit, long total) implements Listing {

    /** {@code orgAccess}: null when the directory did not say. */
    record Account(String accountId, String email, String name, String accountStatus, String orgAccess) {}

    static FoundView of(String query, UserLookup.Found found, Integer limit) {
        return new FoundView(
                query,
                found.matches().stream()
                        .map(m -> new Account(
                                m.accountId(),
                                m.email(),
                                m.name(),
                                m.status(),
                                m.access() == null || m.access().isEmpty() ? null : m.access()))
                        .toList(),
                found.more(),
                limit,
                found.total());
    }

    @Override
    public Console.Table table(boolean forPerson) {
        return new Console.Table(
                List.of("Account ID", "Email", "Name", "Status", "Access"),
                accounts.stream()
                        .map(a -> List.of(
                                Strings.orElse(a.accountId(), ""),
                                Strings.orElse(a.email(), ""),
                                Strings.orElse(a.name(), ""),
                                Strings.orElse(a.accountStatus(), ""),
                                Objects.toString(a.orgAccess(), "")))
                        .toList());
    }

    @Override
    public List<String> notes(Styles styles) {
        int n = accounts.size();
        if (n == 0) {
            return List.of("no account matches '" + Sanitizer.forTerminal(query) + "'");
        }
        if (more) {
            return List.of(String.format("%,d shown of %,d, use --limit N or --all (or be more specific)", n, total));
        }
        return List.of(n + (n == 1 ? " account" : " accounts"));
    }
}
