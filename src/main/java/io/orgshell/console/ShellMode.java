package io.orgshell.console;

import org.springframework.stereotype.Component;

/** How this process was started; commands ask it whether a person can answer a prompt. */
@Component
public class ShellMode {

    public enum Kind { INTERACTIVE, ONE_SHOT, SCRIPT }

    private volatile Kind kind = Kind.ONE_SHOT;
    private volatile boolean debug;
    private volatile Styles styles = new Styles(false);

    public Kind kind() {
        return kind;
    }

    public void set(Kind kind) {
        this.kind = kind;
    }

    /** A person is at a terminal and can answer prompts (batch confirmation, masked key). */
    public boolean isInteractive() {
        return kind == Kind.INTERACTIVE;
    }

    public boolean debug() {
        return debug;
    }

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    public Styles styles() {
        return styles;
    }

    public void setStyles(Styles styles) {
        this.styles = styles;
    }
}
