package io.orgshell.api;

import io.orgshell.core.UsageException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The org API key, held as {@code char[]} so it can be wiped on disconnect and never turns up in a heap dump as a
 * long-lived String. {@link #toString()} and {@link #fingerprint()} never reveal it.
 */
public final class ApiKey implements AutoCloseable {

    private final char[] value;
    private final String fingerprint;

    private ApiKey(char[] value) {
        this.value = value;
        this.fingerprint = computeFingerprint(value);
    }

    /** Takes a copy of {@code chars}; the caller should wipe its own array. */
    public static ApiKey of(char[] chars) {
        char[] trimmed = trim(chars);
        if (trimmed.length == 0) {
            throw new UsageException("the API key is empty");
        }
        return new ApiKey(trimmed);
    }

    public static ApiKey of(String s) {
        return of(s.toCharArray());
    }

    /** {@code Bearer <key>}; built per request because HTTP headers are Strings. */
    public String bearerHeader() {
        return "Bearer " + new String(value);
    }

    /** A short, stable, non-reversible identifier to show the user which key is in use. */
    public String fingerprint() {
        return fingerprint;
    }

    /** True when {@code text} contains the key: used to keep it out of history and files. */
    public boolean occursIn(CharSequence text) {
        if (text == null || text.length() < value.length) {
            return false;
        }
        return text.toString().contains(CharBuffer.wrap(value));
    }

    /** {@code text} with every occurrence of the key replaced by {@code [API key]}: for what a server echoes. */
    public String redact(String text) {
        if (!occursIn(text)) {
            return text;
        }
        return text.replace(CharBuffer.wrap(value), "[API key]");
    }

    @Override
    public void close() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return "ApiKey[" + fingerprint + "]";
    }

    private static char[] trim(char[] chars) {
        int start = 0;
        int end = chars.length;
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(chars, start, end);
    }

    private static String computeFingerprint(char[] value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            var bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
            sha.update(bytes);
            Arrays.fill(bytes.array(), (byte) 0);
            return "sha256:" + HexFormat.of().formatHex(sha.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
