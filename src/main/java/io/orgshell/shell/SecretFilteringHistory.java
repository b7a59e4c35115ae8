package io.orgshell.shell;

import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * Shell history that never records a secret. Masked input never reaches history (JLine drops it); this also drops a
 * line that names a secret option, contains the connected key, or carries a long token that looks like an Atlassian
 * API key (for the key pasted at the prompt by mistake, before any session knows it).
 */
public class SecretFilteringHistory extends DefaultHistory {

    private static final Pattern SECRET_OPTION =
            Pattern.compile("(?i)(--api-key|--apikey|--key|--token|--password|--secret|ORGSHELL_API_KEY)");
    private static final Pattern WORD = Pattern.compile("[^\\s\"'=]+");

    private final Predicate<String> containsSessionKey;

    public SecretFilteringHistory(Predicate<String> containsSessionKey) {
        this.containsSessionKey = containsSessionKey;
    }

    @Override
    public void add(Instant time, String line) {
        if (!isSecret(line)) {
            super.add(time, line);
        }
    }

    public boolean isSecret(String line) {
        return line != null
                && (SECRET_OPTION.matcher(line).find()
                        || containsSessionKey.test(line)
                        || WORD.matcher(line).results().anyMatch(m -> looksLikeToken(m.group())));
    }

    /** Long, mixed-case letters and digits: not an account ID (hex or 557057:uuid), not an org UUID, not a path. */
    static boolean looksLikeToken(String word) {
        if (word.length() < 32 || word.contains("/") || word.contains("@") || word.contains(":")) {
            return false;
        }
        if (word.matches("[0-9a-fA-F-]+")) {
            return false;
        }
        boolean upper = word.chars().anyMatch(Character::isUpperCase);
        boolean lower = word.chars().anyMatch(Character::isLowerCase);
        boolean digit = word.chars().anyMatch(Character::isDigit);
        return upper && lower && digit;
    }
}
