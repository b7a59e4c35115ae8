package io.orgshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a hostile or careless identity provider can put into an org's directory, for {@code --hostile-strings}:
 * an OSC title sequence and a clear-screen CSI, a C1 CSI, BEL, a right-to-left override and JLine prompt escapes
 * ({@code %P}, {@code %{}) in the org name, in every tenth account's name and nickname, in every twentieth account's
 * email, and in one extra group. Everything else (IDs, domains, states) is the seeded org's, so the same plans work.
 */
final class HostileStrings {

    static final String ORG_NAME = "Acme \u001b]0;owned\u0007\u001b[2JSandbox \u009b31m100%{%M%}\u202e";
    static final String NAME_SUFFIX = " \u001b[31m\u0007\u202e%P\u0085";
    static final String NICKNAME_SUFFIX = "\u001b]8;;https://evil.example\u0007";
    static final String EMAIL_INFIX = "%n\u202e";
    static final String GROUP_NAME = "ops \u001b[2J%{team\u202e";

    private HostileStrings() {}

    static SeedData applyTo(SeedData seed) {
        List<SandboxUser> users = new ArrayList<>(seed.users().size());
        Set<String> marked = new LinkedHashSet<>();
        for (int i = 0; i < seed.users().size(); i++) {
            SandboxUser u = seed.users().get(i);
            if (i > 0 && i % 10 == 3) {
                u = u.withProfile(
                        u.name() + NAME_SUFFIX,
                        u.nickname() + NICKNAME_SUFFIX,
                        u.zoneinfo(),
                        u.locale(),
                        u.jobTitle(),
                        u.department(),
                        u.organization(),
                        u.location());
                marked.add(u.accountId());
            }
            if (i > 0 && i % 20 == 3) {
                int at = u.email().indexOf('@');
                u = u.withEmail(
                        u.email().substring(0, at) + EMAIL_INFIX + u.email().substring(at));
            }
            users.add(u);
        }
        SandboxGroup hostile = new SandboxGroup(
                UUID.nameUUIDFromBytes(GROUP_NAME.getBytes(StandardCharsets.UTF_8))
                        .toString(),
                GROUP_NAME,
                "\u001b[2J" + GROUP_NAME,
                false,
                seed.directories().get(0).id());
        List<SandboxGroup> groups = new ArrayList<>(seed.groups());
        groups.add(hostile);
        Map<String, Set<String>> members = new LinkedHashMap<>(seed.membersByGroupId());
        members.put(hostile.id(), marked);
        return new SeedData(
                ORG_NAME,
                users,
                seed.callerAccountId(),
                seed.domains(),
                List.copyOf(groups),
                members,
                seed.directories());
    }
}
