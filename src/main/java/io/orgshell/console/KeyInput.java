package io.orgshell.console;

/**
 * Input that can take a question's answer as one key, without Enter: a person at a real terminal. Questions whose
 * choices are single keys ask through it; other input answers them with a line.
 */
public interface KeyInput {

    /**
     * Shows {@code prompt} and returns the key pressed: one character, or the empty string for Enter. Null when no
     * answer will come (Ctrl-C, Ctrl-D, the end of input). Keys typed before the prompt was shown do not answer it.
     */
    String readKey(String prompt) throws Exception;
}
