package io.orgshell.directory;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.Domain;
import io.orgshell.api.Group;
import io.orgshell.api.OrgAccount;
import io.orgshell.api.UserQuery;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;

/**
 * Evaluates a {@link Selection} against the live org. The v2 search's own filters do the work ({@code emailDomains},
 * {@code accountStatus}, {@code membershipStatus}, {@code groupIds}, {@code claimStatus}); IdP sync and inactivity,
 * which the search cannot filter on, are checked here on what it returns.
 */
@Service
public class SelectionService {

    /** The accounts selected, and the group the selection named, resolved to its ID (null when it named none). */
    public record Selected(List<AccountFacts> accounts, String groupId) {}

    public Selected select(
            AdminApiClient client,
            DirectoryClient directory,
            Selection s,
            boolean withActivity,
            IntConsumer accountsSeen) {
        checkDomains(client, s.domains());
        Group group = s.group() == null ? null : group(directory, s.group(), RefusedValueException.Part.GROUP);
        UserQuery query = new UserQuery(
                s.domains(),
                s.statusLabels(),
                s.accessLabels(),
                group == null ? Set.of() : Set.of(group.id()),
                switch (s.management()) {
                    case ANY -> null;
                    case MANAGED -> "managed";
                    case UNMANAGED -> "unmanaged";
                },
                withActivity || s.inactiveSince() != null);
        String groupId = group == null ? null : group.id();
        List<AccountFacts> out = new ArrayList<>();
        for (List<OrgAccount> page : directory.select(query)) {
            for (OrgAccount a : page) {
                AccountFacts facts = AccountFacts.of(a);
                // the server has applied the group filter: the accounts it returns carry no groups to check again
                if (s.matches(facts, null)) {
                    out.add(facts);
                }
            }
            accountsSeen.accept(page.size());
            if (Thread.currentThread().isInterrupted()) {
                throw new UserFacingException(
                        "interrupted while reading the directory; nothing was written", ExitCodes.INTERRUPTED);
            }
        }
        return new Selected(List.copyOf(out), groupId);
    }

    /** The org's domains, every status (an account may sit on a domain the org has not verified). */
    public List<Domain> domains(AdminApiClient client) {
        return client.organizations().domains();
    }

    /** Each domain must be one of the org's. */
    void checkDomains(AdminApiClient client, Set<String> domains) {
        if (domains.isEmpty()) {
            return;
        }
        List<String> known = domains(client).stream()
                .map(Domain::name)
                .filter(n -> n != null)
                .map(n -> n.toLowerCase(Locale.ROOT))
                .toList();
        for (String d : domains) {
            if (!known.contains(d)) {
                throw new RefusedValueException(
                        RefusedValueException.Part.DOMAIN, d + " is not a domain of the organization");
            }
        }
    }

    /** A group by name (case-insensitive) or ID; the org not having it (or having two of that name) is refused. */
    public Group group(DirectoryClient directory, String nameOrId, RefusedValueException.Part part) {
        List<Group> found = directory.groupsNamed(List.of(nameOrId));
        try {
            return Group.meant(found, nameOrId)
                    .orElseThrow(
                            () -> new RefusedValueException(part, "no group '" + nameOrId + "' in the organization"));
        } catch (IllegalArgumentException e) {
            throw new RefusedValueException(part, e.getMessage());
        }
    }
}
