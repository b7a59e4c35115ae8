package io.orgshell.session;

/** Asks the person at the terminal for a value without echoing it; absent when nobody can answer. */
@FunctionalInterface
public interface SecretPrompt {
    char[] read(String prompt);
}
