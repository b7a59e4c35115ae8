package io.orgshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Builds the seeded org. Everything comes from one {@link SplittableRandom} seeded with the configured seed and
 * from fixed lists, and dates are relative to a fixed instant, so the same seed gives byte-identical data on every
 * run and machine. The one exception is product activity: "inactive for 90 days" must mean something against
 * today's clock, so last-active dates count back from the start of the current UTC day ({@link #activityAnchor}):
 * the same seed gives the same data all day long. About three in four products were used in the last month, the
 * rest spread over the year before; an account with no product (about 3%) was never active.
 *
 * <p>Shape of the data (percentages are of all accounts and only approximate):
 * <ul>
 *   <li>domains: {@code acme.example}, {@code acme-corp.example}, {@code eu.acme.example} (verified, used),
 *       {@code acme.io} (verified, unused: the target of domain moves), {@code acme-legacy.example}
 *       (unverified: its ~8% of accounts are not managed), {@code old-acme.example} (superseded, unused);</li>
 *   <li>account 0 is the caller, an org admin; a handful more org admins;</li>
 *   <li>~4% suspended, ~3% deactivated, ~6% of managed accounts IdP (SCIM) synced;</li>
 *   <li>account IDs alternate between the 24-hex form and the {@code 557057:<uuid>} form;</li>
 *   <li>one directory, or N: account {@code i} and the {@code j}-th group in directory {@code i % N} and
 *       {@code j % N} (the caller in the first), a group's members only accounts of its directory.</li>
 * </ul>
 */
final class SeedGenerator {

    /** Dates are computed backwards from here, not from the clock, to keep seeding deterministic. */
    static final Instant EPOCH = Instant.parse("2025-06-01T00:00:00Z");

    static final String SITE_URL = "https://acme-sandbox.atlassian.net";

    private static final String[] FIRST = {
        "ada",
        "alan",
        "grace",
        "linus",
        "margaret",
        "dennis",
        "barbara",
        "ken",
        "frances",
        "edsger",
        "radia",
        "tim",
        "hedy",
        "john",
        "katherine",
        "donald",
        "sophie",
        "guido",
        "anita",
        "james",
        "joan",
        "niklaus",
        "mary",
        "brian",
        "lynn",
        "bjarne",
        "adele",
        "fernando",
        "carol",
        "robin",
        "jean",
        "leslie",
        "shafi",
        "whitfield",
        "ivan",
        "elena",
        "noor",
        "kwame",
        "yuki",
        "mateo"
    };
    private static final String[] LAST = {
        "lovelace",
        "turing",
        "hopper",
        "torvalds",
        "hamilton",
        "ritchie",
        "liskov",
        "thompson",
        "allen",
        "dijkstra",
        "perlman",
        "berners-lee",
        "lamarr",
        "mccarthy",
        "johnson",
        "knuth",
        "wilson",
        "rossum",
        "borg",
        "gosling",
        "clarke",
        "wirth",
        "keller",
        "kernighan",
        "conway",
        "stroustrup",
        "goldberg",
        "corbato",
        "shaw",
        "milner",
        "sammet",
        "lamport",
        "goldwasser",
        "diffie",
        "sutherland",
        "petrova",
        "haddad",
        "mensah",
        "tanaka",
        "garcia"
    };
    private static final String[] ZONES = {
        "Europe/London",
        "Europe/Berlin",
        "America/New_York",
        "America/Los_Angeles",
        "Asia/Tokyo",
        "Australia/Sydney",
        "Europe/Paris",
        "America/Chicago"
    };
    private static final String[] LOCALES = {"en-US", "en-GB", "de-DE", "fr-FR", "ja-JP", "en-AU", "es-ES"};
    private static final String[] TITLES = {
        "Software Engineer",
        "Senior Engineer",
        "Product Manager",
        "Designer",
        "Account Executive",
        "Support Engineer",
        "Engineering Manager",
        "Data Analyst",
        "Recruiter",
        "SRE"
    };
    private static final String[] DEPARTMENTS = {
        "Engineering", "Product", "Design", "Sales", "Support", "Data", "People", "Operations"
    };
    private static final String[] LOCATIONS = {
        "London", "Berlin", "New York, NY", "San Francisco, CA", "Tokyo", "Sydney", "Paris", "Remote"
    };
    private static final String[] PRODUCTS = {"jira-software", "confluence", "jira-service-desk", "bitbucket", "trello"
    };
    /** Chance of each product in {@link #PRODUCTS}, in percent. */
    private static final int[] PRODUCT_ODDS = {80, 70, 20, 25, 5};

    private final long seed;
    private final int userCount;
    private final int directoryCount;
    private final boolean singleDomain;
    private final Instant activityAnchor = activityAnchor();

    SeedGenerator(long seed, int userCount) {
        this(seed, userCount, 1);
    }

    /** Account {@code i} and group {@code j} are in directory {@code i % directories} and {@code j % directories}. */
    SeedGenerator(long seed, int userCount, int directories) {
        this(seed, userCount, directories, false);
    }

    /** {@code singleDomain}: every account on {@code acme.example}, the other draws of the seed unchanged. */
    SeedGenerator(long seed, int userCount, int directories, boolean singleDomain) {
        this.singleDomain = singleDomain;
        this.seed = seed;
        this.userCount = userCount;
        this.directoryCount = directories;
    }

    /** Product activity counts back from here: the start of today, UTC. */
    static Instant activityAnchor() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Days since a product was last used, from one draw of 0..399 (one draw, as before, so the rest of the seeded
     * data stays as it was): 75% within the last 30 days, 12.5% 30..180 days ago, 12.5% 180..365 days ago.
     */
    static int daysSinceActive(int draw) {
        if (draw < 300) return draw % 30;
        if (draw < 350) return 30 + (draw - 300) * 3;
        return 180 + (draw - 350) * 37 / 10;
    }

    SeedData generate() {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<SandboxDomain> domains = List.of(
                domain("acme.example", "dns", "verified"),
                domain("acme-corp.example", "http", "verified"),
                domain("eu.acme.example", "dns", "verified"),
                domain("acme.io", "dns", "verified"),
                domain("acme-legacy.example", "dns", "unverified"),
                domain("old-acme.example", "http", "superseded"));

        List<SandboxUser> users = new ArrayList<>(userCount);
        Set<String> ids = new HashSet<>(userCount * 2);
        Map<String, Integer> emailCounts = new HashMap<>(userCount * 2);
        for (int i = 0; i < userCount; i++) {
            users.add(user(i, rnd, ids, emailCounts));
        }

        List<SandboxDirectory> directories = new ArrayList<>(directoryCount);
        // the first keeps the ID and name of the one directory an org had before there could be several
        directories.add(new SandboxDirectory(uuid("directory"), "Acme Sandbox directory"));
        for (int k = 2; k <= directoryCount; k++) {
            directories.add(new SandboxDirectory(uuid("directory:" + k), "Acme Sandbox directory " + k));
        }
        SandboxGroup jira = group("jira-software-users", "Grants access to Jira Software", false, directories, 0);
        SandboxGroup confluence = group("confluence-users", "Grants access to Confluence", false, directories, 1);
        SandboxGroup engineering = group("engineering", "Everyone in Engineering", false, directories, 2);
        SandboxGroup sales = group("sales", "Everyone in Sales", false, directories, 3);
        SandboxGroup siteAdmins = group("site-admins", "Site administrators", false, directories, 4);
        SandboxGroup scim = group("okta-all-staff", "Synced from Okta (SCIM)", true, directories, 5);
        List<SandboxGroup> groups = List.of(jira, confluence, engineering, sales, siteAdmins, scim);
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (SandboxGroup g : groups) members.put(g.id(), new LinkedHashSet<>());
        for (int i = 0; i < users.size(); i++) {
            SandboxUser u = users.get(i);
            String id = u.accountId();
            String dir = directories.get(i % directoryCount).id();
            if (hasProduct(u, "jira-software")) member(members, jira, dir, id);
            if (hasProduct(u, "confluence")) member(members, confluence, dir, id);
            if ("Engineering".equals(u.department())) member(members, engineering, dir, id);
            if ("Sales".equals(u.department())) member(members, sales, dir, id);
            if (u.orgAdmin()) member(members, siteAdmins, dir, id);
            if (u.idpSynced()) member(members, scim, dir, id);
        }
        return new SeedData(
                "Acme Sandbox", users, users.get(0).accountId(), domains, groups, members, List.copyOf(directories));
    }

    /** A group's members are accounts of its own directory. */
    private static void member(Map<String, Set<String>> members, SandboxGroup g, String directoryId, String accountId) {
        if (g.directoryId().equals(directoryId)) members.get(g.id()).add(accountId);
    }

    private SandboxUser user(int i, SplittableRandom rnd, Set<String> ids, Map<String, Integer> emailCounts) {
        String accountId;
        do {
            accountId = (i % 2 == 0) ? hex24(rnd) : "557057:" + new UUID(rnd.nextLong(), rnd.nextLong());
        } while (!ids.add(accountId));

        int domainRoll = rnd.nextInt(100);
        String domain = singleDomain || i == 0 || domainRoll < 60
                ? "acme.example"
                : domainRoll < 80 ? "acme-corp.example" : domainRoll < 92 ? "eu.acme.example" : "acme-legacy.example";
        boolean managed = !"acme-legacy.example".equals(domain);

        String first = FIRST[rnd.nextInt(FIRST.length)];
        String last = LAST[rnd.nextInt(LAST.length)];
        String base = first + "." + last;
        int n = emailCounts.merge(base + "@" + domain, 1, Integer::sum);
        String email = (n == 1 ? base : base + n) + "@" + domain;
        String name = capitalize(first) + " " + capitalize(last);
        String nickname = n == 1 ? first : first + n;

        // a handful of org admins: the caller (account 0) plus one in every ~700 accounts among the first ones
        boolean orgAdmin = i == 0 || (managed && (i == 7 || i == 13 || i % 1000 == 501));
        int statusRoll = rnd.nextInt(100);
        boolean suspended = !orgAdmin && statusRoll < 4;
        boolean deactivated = !orgAdmin && statusRoll >= 4 && statusRoll < 7;
        boolean idp = !orgAdmin && managed && rnd.nextInt(100) < 6;
        String accountType = !managed && rnd.nextInt(10) == 0 ? "customer" : "atlassian";

        Instant addedToOrg =
                EPOCH.minus(Duration.ofDays(30 + rnd.nextInt(1500))).minusSeconds(rnd.nextInt(86_400));
        List<ProductAccess> products = new ArrayList<>(3);
        for (int p = 0; p < PRODUCTS.length; p++) {
            if (rnd.nextInt(100) < PRODUCT_ODDS[p]) {
                Instant lastActive = activityAnchor
                        .minus(Duration.ofDays(daysSinceActive(rnd.nextInt(400))))
                        .minusSeconds(rnd.nextInt(86_400));
                products.add(new ProductAccess(PRODUCTS[p], lastActive));
            }
        }
        if (i == 0 && products.isEmpty()) products.add(new ProductAccess("jira-software", activityAnchor));
        Instant deactivatedOn = deactivated ? EPOCH.minus(Duration.ofDays(1 + rnd.nextInt(200))) : null;

        return new SandboxUser(
                accountId,
                accountType,
                name,
                nickname,
                email,
                deactivated ? "inactive" : "active",
                suspended ? OrgAccess.SUSPENDED : OrgAccess.ACTIVE,
                managed,
                idp,
                orgAdmin,
                ZONES[rnd.nextInt(ZONES.length)],
                LOCALES[rnd.nextInt(LOCALES.length)],
                TITLES[rnd.nextInt(TITLES.length)],
                DEPARTMENTS[rnd.nextInt(DEPARTMENTS.length)],
                "Acme Inc.",
                LOCATIONS[rnd.nextInt(LOCATIONS.length)],
                addedToOrg,
                deactivatedOn,
                null,
                products);
    }

    private static boolean hasProduct(SandboxUser u, String key) {
        for (ProductAccess p : u.productAccess()) if (p.key().equals(key)) return true;
        return false;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static String hex24(SplittableRandom rnd) {
        char[] c = new char[24];
        for (int k = 0; k < 24; k++) c[k] = HEX[rnd.nextInt(16)];
        return new String(c);
    }

    private static String capitalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean upper = true;
        for (char ch : s.toCharArray()) {
            b.append(upper ? Character.toUpperCase(ch) : ch);
            upper = ch == '-';
        }
        return b.toString();
    }

    private SandboxDomain domain(String name, String type, String status) {
        return new SandboxDomain(uuid("domain:" + name), name, type, status);
    }

    private SandboxGroup group(
            String name, String description, boolean scim, List<SandboxDirectory> directories, int index) {
        return new SandboxGroup(
                uuid("group:" + name),
                name,
                description,
                scim,
                directories.get(index % directories.size()).id());
    }

    /** Stable IDs: name-based UUIDs of the seed and the object's name. */
    private String uuid(String what) {
        return UUID.nameUUIDFromBytes((seed + ":" + what).getBytes(StandardCharsets.UTF_8))
                .toString()
                .toLowerCase(Locale.ROOT);
    }
}
