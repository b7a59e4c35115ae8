package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedDataTest {

    @Test
    void sameSeedGivesByteIdenticalDataAndAnotherSeedDoesNot() throws IOException {
        String a, b, c;
        try (SandboxServer s = SandboxServer.start(SandboxConfig.defaults().withUsers(500))) {
            a = new SandboxHttp(s).get("/__sandbox/users").body();
        }
        try (SandboxServer s = SandboxServer.start(SandboxConfig.defaults().withUsers(500))) {
            b = new SandboxHttp(s).get("/__sandbox/users").body();
        }
        try (SandboxServer s =
                SandboxServer.start(SandboxConfig.defaults().withUsers(500).withSeed(7))) {
            c = new SandboxHttp(s).get("/__sandbox/users").body();
        }
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void defaultsAndDerivedOrgId() {
        SandboxConfig d = SandboxConfig.defaults();
        assertThat(d.port()).isZero();
        assertThat(d.users()).isEqualTo(3000);
        assertThat(d.seed()).isEqualTo(42);
        assertThat(d.ratePerSecond()).isZero();
        assertThat(d.apiKey()).isEqualTo("sandbox-api-key");
        assertThat(d.orgId()).isEqualTo(SandboxConfig.orgIdForSeed(42)).matches("[0-9a-f-]{36}");
        assertThat(d.pageSize()).isEqualTo(100);
        assertThat(d.v2Enabled()).isTrue();
        assertThat(d.slowResponseMs()).isEqualTo(30_000);
        assertThat(d.retryAfterMode()).isEqualTo(RetryAfterMode.SECONDS);
        assertThat(SandboxConfig.orgIdForSeed(7)).isNotEqualTo(d.orgId());
        assertThat(d.toString()).doesNotContain("sandbox-api-key");
        assertThat(d.withRatePerSecond(5).withLatencyMs(3).withPageSize(7).ratePerSecond())
                .isEqualTo(5);
    }

    @Test
    void seededOrgHasTheRequiredMix() throws IOException {
        try (SandboxServer s = SandboxServer.start(SandboxConfig.defaults())) {
            SandboxOrg org = s.org();
            List<SandboxUser> users = org.users();
            assertThat(users).hasSize(3000);
            assertThat(org.name()).isEqualTo(s.orgName()).isNotBlank();
            assertThat(s.orgId()).isEqualTo(SandboxConfig.defaults().orgId());

            SandboxUser caller = org.findById(s.callerAccountId()).orElseThrow();
            assertThat(caller.orgAdmin()).isTrue();
            assertThat(caller.managed() && caller.active() && !caller.idpSynced())
                    .isTrue();

            assertThat(users).anyMatch(u -> u.accountId().matches("[0-9a-f]{24}"));
            assertThat(users).anyMatch(u -> u.accountId().matches("557057:[0-9a-f-]{36}"));
            assertThat(users).allMatch(u -> u.accountId().matches("[0-9a-f]{24}|557057:[0-9a-f-]{36}"));

            long suspended = users.stream()
                    .filter(u -> u.access() == OrgAccess.SUSPENDED)
                    .count();
            long inactive = users.stream()
                    .filter(u -> u.accountStatus().equals("inactive"))
                    .count();
            long idp = users.stream().filter(SandboxUser::idpSynced).count();
            long admins = users.stream().filter(SandboxUser::orgAdmin).count();
            long unmanaged = users.stream().filter(u -> !u.managed()).count();
            assertThat(suspended).isBetween(60L, 200L);
            assertThat(inactive).isBetween(40L, 160L);
            assertThat(idp).isBetween(80L, 260L);
            assertThat(admins).isBetween(3L, 10L);
            assertThat(unmanaged).isBetween(150L, 350L);
            assertThat(users)
                    .filteredOn(u -> !u.managed())
                    .allMatch(u -> u.emailDomain().equals("acme-legacy.example"));
            assertThat(users)
                    .filteredOn(SandboxUser::managed)
                    .allMatch(u ->
                            org.findDomainByName(u.emailDomain()).orElseThrow().verified());

            Set<String> emails = new HashSet<>();
            for (SandboxUser u : users) {
                assertThat(emails.add(u.email().toLowerCase(Locale.ROOT)))
                        .as(u.email())
                        .isTrue();
                assertThat(u.email()).matches("[a-z-]+\\.[a-z-]+[0-9]*@[a-z.-]+");
                assertThat(org.findByEmail(u.email().toUpperCase(Locale.ROOT))).contains(u);
            }
            assertThat(users)
                    .allMatch(u -> u.nickname() != null
                            && u.zoneinfo() != null
                            && u.locale() != null
                            && u.jobTitle() != null
                            && u.department() != null
                            && u.organization() != null
                            && u.location() != null);
            assertThat(users).anyMatch(u -> !u.productAccess().isEmpty());

            assertThat(org.domains())
                    .extracting(SandboxDomain::name)
                    .contains("acme.example", "acme-corp.example", "eu.acme.example", "acme.io", "acme-legacy.example");
            assertThat(org.findDomainByName("acme.io").orElseThrow().verified()).isTrue();
            assertThat(users).noneMatch(u -> u.emailDomain().equals("acme.io"));
            assertThat(org.findDomainByName("acme-legacy.example").orElseThrow().claimStatus())
                    .isEqualTo("unverified");
            assertThat(org.domains()).extracting(SandboxDomain::claimType).contains("dns", "http");

            assertThat(org.groups())
                    .extracting(SandboxGroup::name)
                    .contains("jira-software-users", "confluence-users", "engineering", "sales", "site-admins");
            assertThat(org.groups()).filteredOn(SandboxGroup::scimSynced).hasSize(1);
            for (SandboxGroup g : org.groups())
                assertThat(org.memberCount(g.id())).as(g.name()).isPositive();
            assertThat(org.members(
                            org.findGroupByName("site-admins").orElseThrow().id()))
                    .contains(s.callerAccountId());
            assertThat(org.directory().id()).isNotBlank();
        }
    }

    @Test
    void resetRestoresTheSeededState() throws IOException {
        try (SandboxServer s = SandboxServer.start(SandboxConfig.defaults().withUsers(100))) {
            SandboxHttp h = new SandboxHttp(s);
            String before = h.get("/__sandbox/users").body();
            SandboxUser u = s.org().users().stream()
                    .filter(x -> x.managed() && !x.orgAdmin())
                    .findFirst()
                    .orElseThrow();
            s.org().update(u.accountId(), x -> x.withAccess(OrgAccess.SUSPENDED).withEmail("changed.person@acme.io"));
            assertThat(h.get("/__sandbox/users").body()).isNotEqualTo(before);
            assertThat(h.send("POST", "/__sandbox/reset", null, null).status()).isEqualTo(204);
            assertThat(h.get("/__sandbox/users").body()).isEqualTo(before);
            assertThat(s.org().findByEmail("changed.person@acme.io")).isEmpty();
        }
    }
}
