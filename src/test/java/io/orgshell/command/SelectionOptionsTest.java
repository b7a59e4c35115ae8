package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.UsageException;
import io.orgshell.directory.Selection;
import io.orgshell.directory.Selection.Access;
import io.orgshell.directory.Selection.IdpSync;
import io.orgshell.directory.Selection.Management;
import io.orgshell.directory.Selection.Mfa;
import io.orgshell.directory.Selection.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The selection options as typed, turned into a typed selection without Spring, a shell or an org. */
class SelectionOptionsTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-09-10T12:00:00Z"), ZoneOffset.UTC);

    static SelectionOptions none() {
        return new SelectionOptions(null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void noOptionSelectsEveryAccount() {
        Selection s = none().selection(NOW);
        assertThat(s.isEverything()).isTrue();
        assertThat(s.describe()).isEqualTo("every account");
    }

    @Test
    void everyOptionBecomesATypedPart() {
        Selection s = new SelectionOptions(
                        List.of("Acme.example, @eu.acme.example", "acme.io"),
                        "Active,closed",
                        " suspended ",
                        " Sales ",
                        true,
                        null,
                        null,
                        true,
                        "90d",
                        null,
                        null)
                .selection(NOW);
        assertThat(s.domains()).containsExactlyInAnyOrder("acme.example", "eu.acme.example", "acme.io");
        assertThat(s.statuses()).containsExactlyInAnyOrder(Status.ACTIVE, Status.CLOSED);
        assertThat(s.access()).containsExactly(Access.SUSPENDED);
        assertThat(s.group()).isEqualTo("Sales");
        assertThat(s.management()).isEqualTo(Management.MANAGED);
        assertThat(s.idp()).isEqualTo(IdpSync.NOT_SYNCED);
        assertThat(s.inactiveSince()).isEqualTo(Instant.parse("2026-06-12T12:00:00Z"));
        assertThat(s.describe())
                .isEqualTo("domain acme.example or acme.io or eu.acme.example, status active or closed, "
                        + "access suspended, group Sales, managed, not IdP-synced, inactive since 2026-06-12");
    }

    @Test
    void aDateIsTheStartOfThatDayInUtc() {
        Selection s = new SelectionOptions(null, null, null, null, null, true, true, null, "2026-06-01", null, null)
                .selection(NOW);
        assertThat(s.inactiveSince()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(s.management()).isEqualTo(Management.UNMANAGED);
        assertThat(s.idp()).isEqualTo(IdpSync.SYNCED);
    }

    @Test
    void falseFlagsSelectNothingMore() {
        assertThat(new SelectionOptions(null, null, null, null, false, false, false, false, null, null, null)
                        .selection(NOW)
                        .isEverything())
                .isTrue();
    }

    @Test
    void eachMistakeIsAUsageErrorNamingItsOption() {
        assertUsage(
                new SelectionOptions(null, null, null, null, true, true, null, null, null, null, null),
                "--managed and --unmanaged");
        assertUsage(
                new SelectionOptions(null, null, null, null, null, null, true, true, null, null, null),
                "--idp and --no-idp");
        assertUsage(
                new SelectionOptions(List.of(" , @"), null, null, null, null, null, null, null, null, null, null),
                "--domain needs a domain");
        assertUsage(
                new SelectionOptions(null, "active,sleeping", null, null, null, null, null, null, null, null, null),
                "--status: unknown status 'sleeping' (use active, inactive, closed)");
        assertUsage(
                new SelectionOptions(null, null, "maybe", null, null, null, null, null, null, null, null),
                "--access: unknown access 'maybe' (use active or suspended)");
        assertUsage(
                new SelectionOptions(null, null, null, "  ", null, null, null, null, null, null, null),
                "--group needs a group name or ID");
        assertUsage(
                new SelectionOptions(null, null, null, null, null, null, null, null, "90x", null, null),
                "--inactive-since: '90x' is neither");
        assertUsage(
                new SelectionOptions(null, null, null, null, null, null, null, null, "2026-13-01", null, null),
                "--inactive-since: '2026-13-01' is neither");
        assertUsage(
                new SelectionOptions(null, null, null, null, null, null, null, null, "2026-09-11", null, null),
                "--inactive-since: 2026-09-11 is in the future");
    }

    @Test
    void theSelectionKnowsNoOptionNames() {
        Selection s = Selection.everything().atDomain("ACME.example");
        assertThat(s.domains()).containsExactly("acme.example");
        assertThatThrownBy(() -> new Selection(
                        Set.of(), Set.of(), Set.of(), " ", Management.ANY, IdpSync.ANY, null, Mfa.ANY, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("--");
    }

    static void assertUsage(SelectionOptions options, String message) {
        assertThatThrownBy(() -> options.selection(NOW))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((UsageException) e).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }
}
