package io.orgshell.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ApiException;
import io.orgshell.api.DirectoryUser;
import io.orgshell.api.ManagedUser;
import io.orgshell.api.UserProfile;
import io.orgshell.core.UserFacingException;
import org.springframework.stereotype.Service;

/**
 * Finds accounts. The v2 directory search answers in one request; where v2 is not available (404) the v1 managed
 * account list is scanned page by page instead. Every account seen goes into the connection's directory cache.
 */
@Service
public class UserLookup {

    /** The v2 directory ID meaning "every directory the key may read". */
    static final String ALL_DIRECTORIES = "-";

    public record Match(String accountId, String email, String name, String status, String access) {
    }

    public record Found(List<Match> matches, boolean more, boolean fromV2) {
    }

    public record Details(UserProfile.Account account, DirectoryUser directoryUser) {
    }

    public Found find(AdminApiClient client, DirectoryCache cache, String text, int limit) {
        try {
            List<Match> matches = new ArrayList<>();
            boolean more = false;
            for (DirectoryUser.Page page : client.directoryUserPages(ALL_DIRECTORIES, text).toIterable(1)) {
                for (DirectoryUser u : page.data() == null ? List.<DirectoryUser>of() : page.data()) {
                    cache.put(u.accountId(), u.email());
                    if (matches.size() < limit) {
                        matches.add(new Match(u.accountId(), u.email(), u.name(), u.accountStatus(),
                                u.isSuspended() ? "suspended" : "active"));
                    } else {
                        more = true;
                    }
                }
                if (more) {
                    break;
                }
            }
            return new Found(matches, more, true);
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            return scanV1(client, cache, containsText(text), limit);
        }
    }

    public Details show(AdminApiClient client, DirectoryCache cache, String idOrEmail) {
        String accountId = idOrEmail.contains("@") ? accountIdForEmail(client, cache, idOrEmail) : idOrEmail;
        UserProfile profile;
        try {
            profile = client.profile(accountId).block();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw new UserFacingException("no account " + accountId + " in this organization");
            }
            throw e;
        }
        DirectoryUser dir = null;
        try {
            dir = client.directoryUser(ALL_DIRECTORIES, accountId).block();
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        UserProfile.Account account = profile == null ? null : profile.account();
        if (account != null) {
            cache.put(account.accountId(), account.email());
        }
        return new Details(account, dir);
    }

    private String accountIdForEmail(AdminApiClient client, DirectoryCache cache, String email) {
        String cached = cache.accountIdForEmail(email);
        if (cached != null) {
            return cached;
        }
        Predicate<Match> sameEmail = m -> m.email() != null && m.email().equalsIgnoreCase(email.strip());
        Found found = find(client, cache, email.strip(), 50);
        return found.matches().stream().filter(sameEmail).map(Match::accountId).findFirst()
                .orElseThrow(() -> new UserFacingException("no account with the email " + email.strip()));
    }

    private Found scanV1(AdminApiClient client, DirectoryCache cache, Predicate<ManagedUser> wanted, int limit) {
        List<Match> matches = new ArrayList<>();
        boolean more = false;
        for (ManagedUser.Page page : client.userPages().toIterable(1)) {
            for (ManagedUser u : page.data() == null ? List.<ManagedUser>of() : page.data()) {
                cache.put(u.accountId(), u.email());
                if (wanted.test(u)) {
                    if (matches.size() < limit) {
                        matches.add(new Match(u.accountId(), u.email(), u.name(), u.accountStatus(), ""));
                    } else {
                        more = true;
                    }
                }
            }
        }
        return new Found(matches, more, false);
    }

    private static Predicate<ManagedUser> containsText(String text) {
        String needle = text.toLowerCase(Locale.ROOT).strip();
        return u -> contains(u.accountId(), needle) || contains(u.email(), needle) || contains(u.name(), needle);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }
}
