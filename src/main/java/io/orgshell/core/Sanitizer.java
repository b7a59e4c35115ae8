package io.orgshell.core;

/**
 * Text that came from the API or from a file is shown through here: escape sequences and other control characters
 * in a display name could otherwise rewrite the screen or the prompt.
 */
public final class Sanitizer {

    private Sanitizer() {}

    public static String forTerminal(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c)
                    || c == '\u2028'
                    || c == '\u2029'
                    || Character.getType(c) == Character.FORMAT && c != '\u200d';
            if (control) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append(c == '\t' ? " " : String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
