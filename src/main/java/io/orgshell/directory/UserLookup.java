package io.orgshell.directory;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ApiException;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.DirectoryUser;
import io.orgshell.api.OrgAccount;
import io.orgshell.api.UserProfile;
import io.orgshell.core.UserFacingException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Finds accounts through the connection's directory: the v2 search ({@code searchTerm} for text, {@code emails[]} for
 * an address) answers in one request. Every account found goes into the connection's directory cache.
 */
@Service
public class UserLookup {

    public record Match(String accountId, String email, String name, String status, String access) {}

    /** {@code total}: every account the search found, of which {@code matches} holds the first ones. */
    public record Found(List<Match> matches, long total) {

        public boolean more() {
            return total > matches.size();
        }
    }

    public record Details(UserProfile.Account account, DirectoryUser directoryUser) {}

    /**
     * The first {@code limit} accounts the search finds; the pages after them are still read, to say how many were
     * not shown.
     */
    public Found find(DirectoryClient directory, DirectoryCache cache, String text, int limit) {
        List<Match> matches = new ArrayList<>();
        long total = 0;
        for (List<OrgAccount> page : directory.search(text)) {
            for (OrgAccount u : page) {
                total++;
                cache.put(u.accountId(), u.email());
                if (matches.size() < limit) {
                    matches.add(new Match(u.accountId(), u.email(), u.name(), u.accountStatus(), access(u)));
                }
            }
        }
        return new Found(matches, total);
    }

    private static String access(OrgAccount u) {
        return u instanceof DirectoryUser d ? (d.isSuspended() ? "suspended" : "active") : "";
    }

    public Details show(AdminApiClient client, DirectoryClient directory, DirectoryCache cache, String idOrEmail) {
        DirectoryUser byEmail = idOrEmail.contains("@") ? forEmail(directory, cache, idOrEmail) : null;
        String accountId = byEmail != null ? byEmail.accountId() : idOrEmail;
        UserProfile profile;
        try {
            profile = client.users().profile(accountId);
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw new UserFacingException("no account " + accountId + " in this organization");
            }
            throw e;
        }
        // the search by email told the directory entry already
        DirectoryUser dir =
                byEmail != null ? byEmail : directory.directoryUser(accountId).orElse(null);
        UserProfile.Account account = profile == null ? null : profile.account();
        if (account != null) {
            cache.put(account.accountId(), account.email());
        }
        return new Details(account, dir);
    }

    /** One {@code emails[]} search: the org's answer now, not a cached one that may have moved on. */
    private DirectoryUser forEmail(DirectoryClient directory, DirectoryCache cache, String email) {
        String wanted = email.strip();
        AddressHolders found = AddressHolders.find(directory, List.of(wanted));
        List<String> ids = found.holders(wanted);
        if (ids.size() > 1) {
            throw new UserFacingException("the email " + wanted + " is the address of " + ids.size() + " accounts: "
                    + String.join(", ", ids) + "; name one by its account ID");
        }
        if (ids.isEmpty() || !(found.account(ids.get(0)) instanceof DirectoryUser d)) {
            throw new UserFacingException("no account with the email " + wanted);
        }
        cache.put(d.accountId(), d.email());
        return d;
    }
}
