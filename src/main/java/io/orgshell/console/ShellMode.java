package io.orgshell.console;

import org.springframework.stereotype.Component;

/** How this process was started; commands ask it whether a person can answer a prompt. */
@Component
public class ShellMode {

    public enum Kind {
        INTERACTIVE,
        ONE_SHOT,
        SCRIPT
    }

    private volatile Kind kind = Kind.ONE_SHOT;
    private volatile boolean debug;
    private volatile Styles styles = new Styles(false);
    private volatile Styles errorStyles = new Styles(false);
    private volatile boolean outputIsTerminal;

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

    /** For what goes to standard output (or, in the interactive shell, to the terminal). */
    public Styles styles() {
        return styles;
    }

    /** For error messages: standard error takes colour only when it is itself a terminal. */
    public Styles errorStyles() {
        return errorStyles;
    }

    public void setStyles(Styles output, Styles errors) {
        this.styles = output;
        this.errorStyles = errors;
    }

    public boolean outputIsTerminal() {
        return outputIsTerminal;
    }

    public void setOutputIsTerminal(boolean outputIsTerminal) {
        this.outputIsTerminal = outputIsTerminal;
    }
}
