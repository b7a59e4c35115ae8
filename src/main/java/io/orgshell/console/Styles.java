package io.orgshell.console;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Colour for the messages of one stream, on only when {@link ConsoleStreams} found that stream to be a terminal
 * that takes colour, so files and pipes get plain text.
 */
public final class Styles {

    private final boolean color;

    public Styles(boolean color) {
        this.color = color;
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
        return paint(
                s, AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA).bold());
    }

    private String paint(String s, AttributedStyle style) {
        return color ? new AttributedString(s, style).toAnsi() : s;
    }
}
