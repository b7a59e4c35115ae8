package io.orgshell.directory;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ApiToken;
import io.orgshell.api.DirectoryClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;

/**
 * The org's API tokens that a token filter and an account selection name: the API access API's listing, filtered on
 * the dates each token carries, and, when the selection names accounts, joined with the accounts it selects (one
 * selection read of the directory).
 */
@Service
public class TokenSelection {

    /** Which tokens: unused since, created before (either null for any). */
    public record Filter(Instant unusedSince, Instant createdBefore) {

        public boolean matches(TokenFacts t) {
            return (unusedSince == null || t.unusedSince(unusedSince))
                    && (createdBefore == null || t.createdBefore(createdBefore));
        }

        public boolean isEverything() {
            return unusedSince == null && createdBefore == null;
        }

        List<String> describe() {
            List<String> parts = new ArrayList<>();
            if (unusedSince != null) {
                parts.add("unused since " + LocalDate.ofInstant(unusedSince, ZoneOffset.UTC));
            }
            if (createdBefore != null) {
                parts.add("created before " + LocalDate.ofInstant(createdBefore, ZoneOffset.UTC));
            }
            return parts;
        }
    }

    /** The tokens selected, how many the org has in all, and the selection in words. */
    public record Selected(List<TokenFacts> tokens, int seen, String selected) {}

    private final SelectionService selections;

    public TokenSelection(SelectionService selections) {
        this.selections = selections;
    }

    public Selected select(
            AdminApiClient client, DirectoryClient directory, Selection accounts, Filter filter, IntConsumer seen) {
        Set<String> owners = null;
        if (!accounts.isEverything()) {
            owners = new HashSet<>();
            for (AccountFacts a : selections
                    .select(client, directory, accounts, false, n -> {})
                    .accounts()) {
                owners.add(a.accountId());
            }
        }
        List<TokenFacts> out = new ArrayList<>();
        int all = 0;
        for (List<ApiToken> page : client.tokens().orgTokens(null)) {
            for (ApiToken t : page) {
                TokenFacts facts = TokenFacts.of(t);
                if (filter.matches(facts) && (owners == null || owners.contains(facts.accountId()))) {
                    out.add(facts);
                }
            }
            all += page.size();
            seen.accept(page.size());
        }
        List<String> parts = new ArrayList<>(filter.describe());
        if (!accounts.isEverything()) {
            parts.add("of accounts with " + accounts.describe());
        }
        return new Selected(
                List.copyOf(out), all, parts.isEmpty() ? "every token" : "tokens " + String.join(", ", parts));
    }
}
