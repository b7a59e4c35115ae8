package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueChecksTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"5b10ac8d82e05b22cc7d4ef5", "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077", "qm:a|b_c-d", "x"})
    void validAccountIds(String id) {
        assertThat(ValueChecks.accountId("account_id", id)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "a.b", "a@b"})
    void invalidAccountIds(String id) {
        assertThat(ValueChecks.accountId("account_id", id))
                .isEqualTo("account_id '" + id
                        + "' is not an Atlassian account ID (1 to 128 letters, digits, _ | : or -)");
    }

    @org.junit.jupiter.api.Test
    void accountIdsAreAtMost128Characters() {
        assertThat(ValueChecks.accountId("account_id", "a".repeat(128))).isNull();
        assertThat(ValueChecks.accountId("account_id", "a".repeat(129))).contains("'" + "a".repeat(60) + "...'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a@b.co", "first.last+tag@sub.example.co.uk", "x-y@a-b.example", "=weird@x.com", "O'Neil@x.ie"})
    void validEmails(String email) {
        assertThat(ValueChecks.email("email", email)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a b@x.com|it contains a space",
                "a\u0007b@x.com|it contains a control character",
                "ax.com|no @",
                "a@b@x.com|more than one @",
                "@x.com|nothing before the @",
                "a.@x.com|a misplaced dot before the @",
                "a..b@x.com|a misplaced dot before the @",
                "a@|nothing after the @",
                "a@localhost|the domain 'localhost' has no dot",
                "a@x..com|the domain 'x..com' has an empty part (a dot at an end or two dots in a row)",
                "a@x.com.|the domain 'x.com.' has an empty part (a dot at an end or two dots in a row)",
                "a@-x.com|a part of the domain starts or ends with a hyphen",
                "a@x!.com|the domain contains '!' (only letters, digits, hyphens and dots)"
            })
    void invalidEmailsSayWhy(String email, String reason) {
        assertThat(ValueChecks.email("email", email)).endsWith("is not a valid email address: " + reason);
    }

    @org.junit.jupiter.api.Test
    void emailLengthLimits() {
        String local64 = "l".repeat(64);
        assertThat(ValueChecks.email("email", local64 + "@x.com")).isNull();
        assertThat(ValueChecks.email("email", local64 + "l@x.com")).endsWith("more than 64 characters before the @");
        String longDomain = ("d".repeat(60) + ".").repeat(4) + "com"; // 247 characters, 256 with the local part
        assertThat(ValueChecks.email("email", "abcdefgh@" + longDomain)).endsWith("longer than 254 characters");
        assertThat(ValueChecks.email("email", "a@" + "d".repeat(64) + ".com"))
                .endsWith("a part of the domain is longer than 63 characters");
    }

    @org.junit.jupiter.api.Test
    void nonAsciiIsNamedWithWhatItPassesFor() {
        assertThat(ValueChecks.email("old_email", "\u0391nn@x.com"))
                .isEqualTo(
                        "old_email contains U+0391 GREEK CAPITAL LETTER ALPHA, which looks like 'A' (character 1 of '\u0391nn@x.com')");
        assertThat(ValueChecks.email("email", "a@\u4f8b.com"))
                .startsWith("email contains U+4F8B CJK UNIFIED IDEOGRAPHS 4F8B, which is not ASCII");
        assertThat(ValueChecks.accountId("account_id", "5b1\u0430"))
                .startsWith("account_id contains U+0430 CYRILLIC SMALL LETTER A, which looks like 'a'");
    }

    @org.junit.jupiter.api.Test
    void shownValuesAreShortAndShowControlCharacters() {
        assertThat(ValueChecks.show("a\tb\nc\u0001")).isEqualTo("'a\\tb\\nc\\u0001'");
        // 59 letters and an emoji: cutting at 60 would split the emoji's surrogate pair
        assertThat(ValueChecks.show("x".repeat(59) + "\uD83D\uDE00" + "tail")).isEqualTo("'" + "x".repeat(59) + "...'");
    }
}
