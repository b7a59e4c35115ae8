package io.orgshell.sandbox;

import java.time.Instant;

/**
 * One product a user can use, with when they last used it ({@code lastActive} null: never, as after a grant). {@code key}
 * is one of the spec's product keys.
 */
public record ProductAccess(String key, Instant lastActive) {

    public String displayName() {
        return switch (key) {
            case "jira-software" -> "Jira Software";
            case "jira-service-desk" -> "Jira Service Management";
            case "confluence" -> "Confluence";
            case "bitbucket" -> "Bitbucket";
            case "trello" -> "Trello";
            default -> key;
        };
    }
}
