package io.orgshell.csv;

/**
 * The format checks of account IDs and email addresses. Each returns why a value is wrong, as a message naming the
 * column, or null when it is fine. Hand-written rather than regular expressions so the reason can be specific.
 */
final class ValueChecks {

    static final int MAX_ACCOUNT_ID = 128;
    static final int MAX_EMAIL = 254;
    static final int MAX_LOCAL_PART = 64;
    private static final int MAX_LABEL = 63;
    private static final int SHOWN_CHARACTERS = 60;

    private ValueChecks() {}

    /** Atlassian account IDs: 1 to 128 of {@code [a-zA-Z0-9_|:-]}. */
    static String accountId(String column, String value) {
        String nonAscii = nonAscii(column, value);
        if (nonAscii != null) {
            return nonAscii;
        }
        boolean ok = value.length() <= MAX_ACCOUNT_ID;
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = isAsciiLetterOrDigit(c) || c == '_' || c == '|' || c == ':' || c == '-';
        }
        return ok
                ? null
                : column + " " + show(value) + " is not an Atlassian account ID (1 to 128 letters, digits, _ | : or -)";
    }

    static String email(String column, String value) {
        String nonAscii = nonAscii(column, value);
        if (nonAscii != null) {
            return nonAscii;
        }
        String reason = emailReason(value);
        return reason == null ? null : column + " " + show(value) + " is not a valid email address: " + reason;
    }

    private static String emailReason(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ') {
                return "it contains a space";
            }
            if (c < 0x20 || c == 0x7F) {
                return "it contains a control character";
            }
        }
        if (value.length() > MAX_EMAIL) {
            return "longer than " + MAX_EMAIL + " characters";
        }
        int at = value.indexOf('@');
        if (at < 0) {
            return "no @";
        }
        if (value.indexOf('@', at + 1) >= 0) {
            return "more than one @";
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.isEmpty()) {
            return "nothing before the @";
        }
        if (local.length() > MAX_LOCAL_PART) {
            return "more than " + MAX_LOCAL_PART + " characters before the @";
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return "a misplaced dot before the @";
        }
        return domainReason(domain);
    }

    private static String domainReason(String domain) {
        if (domain.isEmpty()) {
            return "nothing after the @";
        }
        if (domain.indexOf('.') < 0) {
            return "the domain '" + domain + "' has no dot";
        }
        int start = 0;
        while (start <= domain.length()) { // label by label, without splitting: this runs for every row
            int end = domain.indexOf('.', start);
            if (end < 0) {
                end = domain.length();
            }
            String reason = labelReason(domain, start, end);
            if (reason != null) {
                return reason;
            }
            start = end + 1;
        }
        return null;
    }

    private static String labelReason(String domain, int start, int end) {
        if (start == end) {
            return "the domain '" + domain + "' has an empty part (a dot at an end or two dots in a row)";
        }
        if (end - start > MAX_LABEL) {
            return "a part of the domain is longer than " + MAX_LABEL + " characters";
        }
        for (int i = start; i < end; i++) {
            char c = domain.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '-') {
                return "the domain contains '" + c + "' (only letters, digits, hyphens and dots)";
            }
        }
        if (domain.charAt(start) == '-' || domain.charAt(end - 1) == '-') {
            return "a part of the domain starts or ends with a hyphen";
        }
        return null;
    }

    /** Names the first non-ASCII character: "email contains U+0430 CYRILLIC SMALL LETTER A, which looks like 'a'". */
    private static String nonAscii(String column, String value) {
        int index = LookAlikes.firstNonAscii(value);
        if (index < 0) {
            return null;
        }
        int codePoint = value.codePointAt(index);
        return column + " contains " + LookAlikes.describe(codePoint) + " (character "
                + (value.codePointCount(0, index) + 1) + " of " + show(value) + ")";
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The value quoted for a message: shortened, control characters made visible. */
    static String show(String value) {
        StringBuilder shown = new StringBuilder("'");
        int limit = Math.min(value.length(), SHOWN_CHARACTERS);
        if (limit < value.length() && Character.isHighSurrogate(value.charAt(limit - 1))) {
            limit--; // never cut a character in half
        }
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        shown.append(String.format("\\u%04X", (int) c));
                    } else {
                        shown.append(c);
                    }
                }
            }
        }
        if (limit < value.length()) {
            shown.append("...");
        }
        return shown.append('\'').toString();
    }
}
