package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.Strings;
import io.orgshell.directory.UserLookup;
import java.util.List;
import java.util.Objects;

/** {@code users find}: the accounts whose name or email holds the text, at most {@code limit} of them. */
record FoundView(String query, List<Account> accounts, boolean more, int limit) implements Listing {

    /** {@code orgAccess}: null when the directory did not say. */
    record Account(String accountId, String email, String name, String accountStatus, String orgAccess) {}

    static FoundView of(String query, UserLookup.Found found, int limit) {
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
                limit);
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
        return List.of(n
                + (more
                        ? "+ accounts (showing the first " + limit + "; be more specific)"
                        : n == 1 ? " account" : " accounts"));
    }
}
