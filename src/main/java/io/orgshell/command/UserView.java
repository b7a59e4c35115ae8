package io.orgshell.command;

import io.orgshell.api.DirectoryUser;
import io.orgshell.api.UserProfile;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.Strings;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code users show}: one account. Org access, IdP and admin come from the directory: null (and not shown) when the
 * org's directory does not list the account.
 */
record UserView(
        String accountId,
        String name,
        String email,
        String nickname,
        String accountStatus,
        String accountType,
        String orgAccess,
        Boolean idpManaged,
        Boolean orgAdmin,
        String jobTitle,
        String department,
        String organization,
        String location,
        String timeZone) {

    static UserView of(UserProfile.Account a, DirectoryUser du) {
        var x = a.extendedProfile();
        return new UserView(
                a.accountId(),
                a.name(),
                a.email(),
                a.nickname(),
                a.accountStatus(),
                a.accountType(),
                du == null ? null : du.isSuspended() ? "suspended" : Strings.orElse(du.membershipStatus(), "active"),
                du == null ? null : du.isSynced(),
                du == null ? null : du.isOrgAdmin(),
                x == null ? null : x.jobTitle(),
                x == null ? null : x.department(),
                x == null ? null : x.organization(),
                x == null ? null : x.location(),
                a.zoneinfo());
    }

    /** The fields with a value, one a line, labelled for a person. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        line(out, "account ID", accountId);
        line(out, "name", name);
        line(out, "email", email);
        line(out, "nickname", nickname);
        line(out, "account status", accountStatus);
        line(out, "account type", accountType);
        if (orgAccess != null) {
            line(out, "org access", orgAccess);
            line(out, "managed by", Boolean.TRUE.equals(idpManaged) ? "identity provider (synced)" : "organization");
            line(out, "org admin", orgAdmin == null ? "unknown" : orgAdmin ? "yes" : "no");
        }
        line(out, "job title", jobTitle);
        line(out, "department", department);
        line(out, "organization", organization);
        line(out, "location", location);
        line(out, "time zone", timeZone);
        return out;
    }

    private static void line(List<String> out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.add(String.format("%-15s %s", label, Sanitizer.forTerminal(value)));
        }
    }
}
