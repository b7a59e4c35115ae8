package io.orgshell.csv;

import java.util.Map;

/** Whether a cell can be what its column says: an account ID, an email address. Null means fine. */
final class CellChecks {

    private static final int MAX_EMAIL = 254;
    private static final int MAX_LOCAL = 64;
    private static final String LOCAL_FORBIDDEN = "()<>,;:\\\"[]@ ";

    /** Letters from other scripts that look like Latin ones: the usual way a wrong address slips through. */
    private static final Map<Integer, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry(0x0430, 'a'), Map.entry(0x0435, 'e'), Map.entry(0x043E, 'o'), Map.entry(0x0440, 'p'),
            Map.entry(0x0441, 'c'), Map.entry(0x0445, 'x'), Map.entry(0x0443, 'y'), Map.entry(0x0456, 'i'),
            Map.entry(0x0458, 'j'), Map.entry(0x0455, 's'), Map.entry(0x04BB, 'h'), Map.entry(0x0501, 'd'),
            Map.entry(0x03BF, 'o'), Map.entry(0x03B1, 'a'), Map.entry(0x03B5, 'e'), Map.entry(0x03C1, 'p'),
            Map.entry(0x03BD, 'v'), Map.entry(0x0391, 'A'), Map.entry(0x0392, 'B'), Map.entry(0x0395, 'E'),
            Map.entry(0x0410, 'A'), Map.entry(0x0412, 'B'), Map.entry(0x0415, 'E'), Map.entry(0x041C, 'M'),
            Map.entry(0x041E, 'O'), Map.entry(0x0420, 'P'), Map.entry(0x0421, 'C'), Map.entry(0x0422, 'T'));

    private CellChecks() {
    }

    static String accountId(String column, String v) {
        if (v.length() > 128 || !v.matches("[a-zA-Z0-9_|:-]+")) {
            return column + " '" + show(v) + "' is not an account ID (letters, digits and _|:- only, at most 128)";
        }
        return null;
    }

    static String email(String column, String v) {
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            if (cp > 0x7E || cp < 0x21) {
                Character like = LOOK_ALIKES.get(cp);
                String name = Character.getName(cp);
                return column + " '" + show(v) + "' contains " + String.format("U+%04X", cp)
                        + (name == null ? "" : " " + name)
                        + (like != null ? ", which looks like '" + like + "'" : cp <= 0x20 ? " (a space or control "
                        + "character)" : " (not plain ASCII)");
            }
            i += Character.charCount(cp);
        }
        int at = v.indexOf('@');
        if (at < 0 || at != v.lastIndexOf('@')) {
            return "malformed " + column + " '" + show(v) + "': it needs exactly one @";
        }
        String local = v.substring(0, at);
        String domain = v.substring(at + 1);
        if (local.isEmpty() || local.length() > MAX_LOCAL || v.length() > MAX_EMAIL
                || local.chars().anyMatch(c -> LOCAL_FORBIDDEN.indexOf(c) >= 0)
                || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return "malformed " + column + " '" + show(v) + "': the part before @ is not valid";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "malformed " + column + " '" + show(v) + "': the domain has no dot";
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || !label.matches("[A-Za-z0-9-]+") || label.startsWith("-")
                    || label.endsWith("-")) {
                return "malformed " + column + " '" + show(v) + "': the domain '" + domain + "' is not valid";
            }
        }
        return null;
    }

    /** A cell quoted in a message: control characters escaped, long values cut. */
    static String show(String v) {
        StringBuilder sb = new StringBuilder();
        v.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return v.length() > 80 ? sb + "..." : sb.toString();
    }
}
