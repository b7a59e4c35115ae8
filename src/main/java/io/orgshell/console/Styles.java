package io.orgshell.console;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Colour for messages, switched off when the output is not a terminal or {@code NO_COLOR} is set, so files and
 * pipes get plain text.
 */
public final class Styles {

    private final boolean color;

    public Styles(boolean color) {
        this.color = color;
    }

    public static boolean colorWanted(boolean terminal) {
        String noColor = System.getenv("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty());
    }

    public boolean color() {
        return color;
    }

    public String error(String s) {
        return paint(s, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold());
    }

    public String warn(String s) {
        return paint(s, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
    }

    public String ok(String s) {
        return paint(s, AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN));
    }

    public String dim(String s) {
        return paint(s, AttributedStyle.DEFAULT.faint());
    }

    public String bold(String s) {
        return paint(s, AttributedStyle.DEFAULT.bold());
    }

    public String sandbox(String s) {
        return paint(s, AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA).bold());
    }

    private String paint(String s, AttributedStyle style) {
        return color ? new AttributedString(s, style).toAnsi() : s;
    }
}
