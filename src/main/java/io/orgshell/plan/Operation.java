package io.orgshell.plan;

import io.orgshell.core.UsageException;
import io.orgshell.csv.ColumnSpec;
import io.orgshell.csv.ColumnSpec.Column;
import io.orgshell.csv.ColumnSpec.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A bulk operation a plan can carry, with the columns its CSV needs (docs/change-files.md lists them). */
public enum Operation {
    EMAIL(
            "email",
            false,
            columns(
                    new Column(
                            Columns.EMAIL,
                            true,
                            Kind.EMAIL,
                            false,
                            List.of("new_email", "new email", "target_email", "target email", "email")),
                    new Column(
                            Columns.OLD_EMAIL,
                            false,
                            Kind.EMAIL,
                            false,
                            List.of("old_email", "old email", "current_email", "current email", "email")))),
    SUSPEND("suspend", false, accountOnly()),
    RESTORE("restore", false, accountOnly()),
    DEACTIVATE(
            "deactivate",
            true,
            columns(
                    checkedEmail(),
                    new Column(Columns.MESSAGE, false, Kind.TEXT, false, List.of("message", "reason")))),
    ENABLE("enable", false, accountOnly()),
    DELETE("delete", true, accountOnly()),
    CANCEL_DELETE("cancel-delete", false, accountOnly()),
    PROFILE(
            "profile",
            false,
            columns(
                            new Column("name", false, Kind.TEXT, false, List.of("name", "display name", "full name")),
                            new Column("nickname", false, Kind.TEXT, false, List.of("nickname", "public name")),
                            new Column(
                                    "job_title", false, Kind.TEXT, false, List.of("job_title", "job title", "title")),
                            new Column("department", false, Kind.TEXT, false, List.of("department")),
                            new Column(
                                    "organization",
                                    false,
                                    Kind.TEXT,
                                    false,
                                    List.of("organization", "organisation", "company")),
                            new Column("location", false, Kind.TEXT, false, List.of("location", "office")),
                            new Column(
                                    "timezone", false, Kind.TEXT, false, List.of("timezone", "time zone", "zoneinfo")),
                            checkedEmail())
                    .needingAnOptionalColumn()),
    GROUP_ADD(
            "group-add",
            false,
            columns(
                    Column.requiredText(Columns.GROUP, "group", "group_name", "group name", "group_id", "group id"),
                    checkedEmail())),
    GROUP_REMOVE(
            "group-remove",
            false,
            columns(
                    Column.requiredText(Columns.GROUP, "group", "group_name", "group name", "group_id", "group id"),
                    checkedEmail())),
    REMOVE("remove", true, accountOnly()),
    ACCESS_REVOKE(
            "access-revoke",
            false,
            columns(
                    new Column(Columns.PRODUCT, true, Kind.TEXT, false, Columns.PRODUCT_NAMES),
                    new Column(Columns.ROLE, false, Kind.TEXT, false, Columns.ROLE_NAMES),
                    checkedEmail())),
    ACCESS_GRANT(
            "access-grant",
            false,
            columns(
                    new Column(Columns.PRODUCT, true, Kind.TEXT, false, Columns.PRODUCT_NAMES),
                    new Column(Columns.ROLE, true, Kind.TEXT, false, Columns.ROLE_NAMES),
                    checkedEmail())),
    POLICY_ADD(
            "policy-add",
            false,
            columns(
                    Column.requiredText(
                            Columns.POLICY, "policy", "policy_name", "policy name", "policy_id", "policy id"),
                    checkedEmail())),
    TOKEN_REVOKE(
            "token-revoke",
            true,
            columns(
                    new Column(
                            Columns.TOKEN_ID,
                            true,
                            Kind.TEXT,
                            false,
                            List.of("token_id", "token id", "tokenid", "api token id", "api_token_id")),
                    new Column(Columns.EMAIL, false, Kind.EMAIL, false, List.of("email", "owner", "owner_email")),
                    new Column(Columns.LABEL, false, Kind.TEXT, false, List.of("label", "token label", "name")),
                    new Column("created", false, Kind.TEXT, false, List.of("created", "created_at")),
                    new Column("last_active", false, Kind.TEXT, false, List.of("last_active", "last active")),
                    new Column("expires", false, Kind.TEXT, false, List.of("expires", "expiry", "expires_at")),
                    new Column("status", false, Kind.TEXT, false, List.of("status")))),
    /** Per account: org access cut (or the account deactivated), every API token revoked, every group left. */
    OFFBOARD(
            "offboard",
            true,
            columns(
                    checkedEmail(),
                    new Column(Columns.MESSAGE, false, Kind.TEXT, false, List.of("message", "reason")),
                    new Column(Columns.DEACTIVATE, false, Kind.TEXT, false, List.of("deactivate")),
                    new Column(Columns.KEEP_GROUPS, false, Kind.TEXT, false, List.of("keep_groups", "keep groups")))),
    /** Offboarding's inverse: access given back (restore or enable) and the groups joined again. */
    REINSTATE(
            "reinstate",
            false,
            columns(
                    checkedEmail(),
                    new Column(Columns.ACCESS, false, Kind.TEXT, false, List.of("access")),
                    new Column(Columns.GROUPS, false, Kind.TEXT, false, List.of("groups"))));

    private final String cliName;
    private final boolean destructive;
    private final ColumnSpec columns;

    Operation(String cliName, boolean destructive, ColumnSpec columns) {
        this.cliName = cliName;
        this.destructive = destructive;
        this.columns = columns;
    }

    public String cliName() {
        return cliName;
    }

    /** Deactivate, delete and remove: the operator types a confirmation. */
    public boolean destructive() {
        return destructive;
    }

    /**
     * Suspend, deactivate, delete, remove and access-revoke: each cuts people off, so the share-of-the-org and org-admin
     * limit applies to all five (cutting access to a fifth of the org is as disruptive as deactivating it).
     */
    public boolean limited() {
        // a token clean-up cuts off scripts, not people: the share of the org's accounts says nothing of it
        return destructive && this != TOKEN_REVOKE || this == SUSPEND || this == ACCESS_REVOKE;
    }

    /**
     * Whether the operation goes through {@code /users/{id}/manage/...}, which only a managed account (one on a
     * verified domain of the org) allows. Suspend, restore, remove and group membership are directory operations:
     * they reach every member of the org's directory, such as a contractor on their own company's domain.
     */
    public boolean needsManagedAccount() {
        return switch (this) {
            case SUSPEND, RESTORE, REMOVE, GROUP_ADD, GROUP_REMOVE, ACCESS_REVOKE, ACCESS_GRANT -> false;
            default -> true;
        };
    }

    public ColumnSpec columns() {
        return columns;
    }

    /** The operation of that name (as typed, or as a run's files record it), if there is one. */
    public static Optional<Operation> named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(op -> op.cliName.equals(n)).findFirst();
    }

    /** The operation of that name; a name no operation has is refused, naming those there are. */
    public static Operation fromCli(String name) {
        return named(name)
                .orElseThrow(() -> new UsageException("unknown operation '" + name + "' (known: "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(Operation::cliName).toList()) + ")"));
    }

    private static ColumnSpec accountOnly() {
        return columns(checkedEmail());
    }

    /**
     * The account's address: checked against the account when the file names it by ID too, and otherwise naming it
     * (preview finds the account holding the address). Every operation but email has it: email's own email column
     * is the new address, which names no account.
     */
    private static Column checkedEmail() {
        return new Column(Columns.EMAIL, false, Kind.EMAIL, false, List.of("email", "current_email"));
    }

    /** Every operation starts with the account ID; the rest are its own. An optional email may stand in for the ID. */
    private static ColumnSpec columns(Column... own) {
        List<Column> all = new ArrayList<>();
        all.add(new Column(
                Columns.ACCOUNT_ID,
                true,
                Kind.ACCOUNT_ID,
                false,
                List.of("account_id", "accountid", "account id", "user id", "userid", "atlassian id", "id")));
        all.addAll(List.of(own));
        ColumnSpec spec = ColumnSpec.of(all.toArray(Column[]::new));
        boolean emailNamesTheAccount = all.stream().anyMatch(c -> c.name().equals(Columns.EMAIL) && !c.required());
        return emailNamesTheAccount ? spec.standingIn(Columns.EMAIL, Columns.ACCOUNT_ID) : spec;
    }

    /** Whether a file may name its accounts by email alone (every operation that does not change the address). */
    public boolean acceptsEmailsAlone() {
        return columns.standIns().containsKey(Columns.ACCOUNT_ID);
    }

    /** Canonical column names. */
    public static final class Columns {
        public static final String ACCOUNT_ID = "account_id";
        public static final String EMAIL = "email";
        public static final String OLD_EMAIL = "old_email";
        public static final String MESSAGE = "message";
        public static final String GROUP = "group";
        public static final String PRODUCT = "product";
        public static final String ROLE = "role";
        public static final String POLICY = "policy";
        static final List<String> PRODUCT_NAMES =
                List.of("product", "product_name", "product name", "resource", "resource_id", "resource id");
        static final List<String> ROLE_NAMES = List.of("role", "role_id", "role id");
        public static final String TOKEN_ID = "token_id";
        public static final String LABEL = "label";
        public static final String DEACTIVATE = "deactivate";
        public static final String KEEP_GROUPS = "keep_groups";
        public static final String ACCESS = "access";
        public static final String GROUPS = "groups";

        private Columns() {}
    }
}
