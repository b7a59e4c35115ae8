package io.orgshell.command;

import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.plan.Plan;
import io.orgshell.session.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code status}: the connection and the loaded plan. The key's fingerprint only: the key itself is never part of
 * a document, and the proxy without its credentials. {@code wouldConnectTo}: where a command needing a session would connect, when none is open.
 */
record StatusView(
        boolean connected,
        Org organization,
        String baseUrl,
        String proxy,
        String apiKeyFingerprint,
        String profile,
        String yourAccountId,
        String wouldConnectTo,
        LoadedPlan plan) {

    record Org(String id, String name, boolean sandbox) {}

    record LoadedPlan(String operation, String source, int rows, boolean previewed, String finishedByRun) {

        /** "leavers.csv: 3 rows for 'suspend', previewed". */
        String describe(String plan) {
            return Sanitizer.forTerminal(plan)
                    + (finishedByRun != null
                            ? ", finished by run " + finishedByRun
                            : previewed ? ", previewed" : ", not previewed yet");
        }
    }

    static StatusView of(Optional<Connection> connection, Optional<String> wouldConnectTo, LoadedPlan plan) {
        return connection
                .map(c -> new StatusView(
                        true,
                        new Org(c.orgId(), c.orgName(), c.sandbox()),
                        String.valueOf(c.baseUrl()),
                        c.client().route(),
                        c.key().fingerprint(),
                        c.profile(),
                        c.callerAccountId(),
                        null,
                        plan))
                .orElseGet(() ->
                        new StatusView(false, null, null, null, null, null, null, wouldConnectTo.orElse(null), plan));
    }

    static LoadedPlan plan(Plan plan, boolean previewed, String finishedByRun) {
        return new LoadedPlan(
                plan.operation().cliName(), plan.source().toString(), plan.size(), previewed, finishedByRun);
    }

    /** The status field by field, for a person; {@code planText}: the loaded plan described, null when none. */
    List<String> lines(Styles s, String planText) {
        List<String> out = new ArrayList<>();
        if (connected) {
            out.add(field("organization", describe(organization.name(), organization.id(), organization.sandbox(), s)));
            out.add(field("base URL", baseUrl));
            out.add(field("proxy", Sanitizer.forTerminal(proxy)));
            out.add(field("API key", apiKeyFingerprint));
            if (profile != null) {
                out.add(field("profile", profile));
            }
            if (yourAccountId != null) {
                out.add(field("your account", yourAccountId));
            }
        } else {
            out.add("not connected (run 'connect', or start with --sandbox)");
            if (wouldConnectTo != null) {
                out.add(field("would connect to", Sanitizer.forTerminal(wouldConnectTo)));
            }
        }
        out.add(field("plan", plan == null ? "none loaded" : plan.describe(planText)));
        return out;
    }

    /** "Acme (org-id) [SANDBOX]", the name in bold. */
    static String describe(String name, String id, boolean sandbox, Styles s) {
        return s.bold(Sanitizer.forTerminal(name)) + " (" + id + ")" + (sandbox ? " " + s.sandbox("[SANDBOX]") : "");
    }

    private static String field(String label, String value) {
        return String.format("%-14s %s", label, value);
    }
}
