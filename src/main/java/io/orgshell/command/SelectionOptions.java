package io.orgshell.command;

import java.util.List;

/** The selection options {@code plan} and {@code users export} share: their help texts, and how values are split. */
final class SelectionOptions {

    static final String COMPLETION = "selectionCompletion";
    static final String DOMAIN = "only accounts at these email domains, comma-separated";
    static final String STATUS = "only these account statuses, comma-separated: active, inactive, closed";
    static final String ACCESS = "only accounts whose org access is active, or suspended";
    static final String GROUP = "only members of this group (name or ID)";
    static final String MANAGED = "only managed accounts (on a verified domain of the org)";
    static final String UNMANAGED = "only accounts the org does not manage";
    static final String IDP = "only accounts synced from an identity provider";
    static final String NO_IDP = "only accounts not synced from an identity provider";
    static final String INACTIVE_SINCE = "only accounts with no product activity since then: 90d, or a date "
            + "such as 2026-06-01 (never active: counted from when they joined the org)";

    private SelectionOptions() {
    }

    static List<String> list(String commaSeparated) {
        return commaSeparated == null ? null : List.of(commaSeparated);
    }
}
