package io.orgshell.csv;

import static io.orgshell.csv.EmailSpec.SPEC;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderMatcherTest {

    @Test
    void namesCompareWithoutCaseSpacesOrPunctuation() {
        assertThat(HeaderMatcher.normalise("New Email")).isEqualTo("newemail");
        assertThat(HeaderMatcher.normalise("new-e_mail ")).isEqualTo("newemail");
        assertThat(HeaderMatcher.normalise("Atlassian ID")).isEqualTo("atlassianid");
    }

    @Test
    void preferenceOrderDecidesNotColumnOrder() {
        HeaderMatcher.Match match = HeaderMatcher.match(List.of("Email", "Target Email", "Account ID"), SPEC);
        assertThat(match.columns())
                .containsExactlyInAnyOrderEntriesOf(Map.of("account_id", 2, "email", 1, "old_email", 0));
        assertThat(match.aliases())
                .containsExactly(
                        "header 'Account ID' read as 'account_id'",
                        "header 'Target Email' read as 'email'",
                        "header 'Email' read as 'old_email'");
        assertThat(match.problems()).isEmpty();
    }

    @Test
    void aloneEmailIsTheTargetAndOldEmailIsSimplyAbsent() {
        HeaderMatcher.Match match = HeaderMatcher.match(List.of("id", "email"), SPEC);
        assertThat(match.columns()).containsExactlyInAnyOrderEntriesOf(Map.of("account_id", 0, "email", 1));
        assertThat(match.problems()).isEmpty();
    }

    @Test
    void typosAreSuggestedButShortNamesDoNotAttractEverything() {
        assertThat(HeaderMatcher.match(List.of("account_id", "new_emial"), SPEC).problems())
                .singleElement()
                .asString()
                .endsWith("— did you mean 'new_email' for 'new_emial'?");
        assertThat(HeaderMatcher.match(List.of("ab", "email"), SPEC).problems())
                .singleElement()
                .asString()
                .doesNotContain("did you mean");
    }

    @Test
    void duplicateNamesNoColumnWantsAreFine() {
        assertThat(HeaderMatcher.match(List.of("account_id", "email", "note", "Note"), SPEC)
                        .problems())
                .isEmpty();
        assertThat(HeaderMatcher.match(List.of("account_id", "Account ID", "email"), SPEC)
                        .problems())
                .containsExactly("columns 1 and 2 have the same name ('account_id', 'Account ID'); "
                        + "rename or remove one so it is clear which to read");
    }

    @Test
    void distanceCountsASwapAsOneEdit() {
        assertThat(HeaderMatcher.distance("email", "emial")).isEqualTo(1);
        assertThat(HeaderMatcher.distance("accountid", "acountid")).isEqualTo(1);
        assertThat(HeaderMatcher.distance("abc", "")).isEqualTo(3);
        assertThat(HeaderMatcher.distance("kitten", "sitting")).isEqualTo(3);
    }
}
