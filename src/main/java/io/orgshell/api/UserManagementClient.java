package io.orgshell.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The user management API ({@code /users/{accountId}/manage/...}): one managed account's profile, what the caller
 * may do to it, and the writes to its profile, email and lifecycle. A write returns the status the API answered
 * (a 2xx), so a run records what the API actually said.
 */
public final class UserManagementClient {

    private static final String MANAGE = "/users/{accountId}/manage";
    /** Permission checks in flight at once: one request per account, paced by the rate governor. */
    static final int CHECKS_AT_ONCE = 4;

    private final ApiTransport transport;

    UserManagementClient(ApiTransport transport) {
        this.transport = transport;
    }

    public UserProfile profile(String accountId) {
        return transport
                .get(MANAGE + "/profile", Map.of("accountId", accountId), Map.of(), UserProfile.class)
                .block();
    }

    /** {@code GET /users/{id}/manage?privileges=...}: what the caller may do to the account, per privilege asked. */
    public Manageability manageability(String accountId, List<String> privileges) {
        return manageabilityOf(accountId, privileges).block();
    }

    /**
     * Whether the caller may use {@code privilege} on each account, a few accounts asked at once. An account the API
     * answers with an error is not allowed, the error's code given as the reason.
     */
    public Map<String, Manageability.Rule> rules(List<String> accountIds, String privilege) {
        Map<String, Manageability.Rule> out = new LinkedHashMap<>();
        Flux.fromIterable(accountIds)
                .distinct()
                .flatMap(
                        id -> manageabilityOf(id, List.of(privilege))
                                .map(m -> Map.entry(id, m.rule(privilege)))
                                .onErrorResume(
                                        ApiException.class,
                                        e -> Mono.just(Map.entry(id, new Manageability.Rule(false, e.code())))),
                        CHECKS_AT_ONCE)
                .doOnNext(e -> out.put(e.getKey(), e.getValue()))
                .blockLast();
        return out;
    }

    private Mono<Manageability> manageabilityOf(String accountId, List<String> privileges) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.put("privileges", List.copyOf(privileges));
        return transport.get(MANAGE, Map.of("accountId", accountId), query, Manageability.class);
    }

    /** Disables the account, telling the user {@code message} when there is one. */
    public int disable(String accountId, String message) {
        return lifecycle(accountId, "disable", message).block();
    }

    public int enable(String accountId) {
        return lifecycle(accountId, "enable", null).block();
    }

    /** Schedules the account for deletion. */
    public int delete(String accountId) {
        return lifecycle(accountId, "delete", null).block();
    }

    public int cancelDelete(String accountId) {
        return lifecycle(accountId, "cancel-delete", null).block();
    }

    /** {@code lifecycle/disable|enable|delete|cancel-delete}; disable carries the optional message. */
    Mono<Integer> lifecycle(String accountId, String action, String message) {
        Object body = "disable".equals(action)
                ? (message == null || message.isBlank() ? Map.of() : Map.of("message", message))
                : null;
        return transport.write(HttpMethod.POST, MANAGE + "/lifecycle/" + action, Map.of("accountId", accountId), body);
    }

    /** {@code PATCH /users/{id}/manage/profile} with only the fields to change, in the API's shape. */
    public int updateProfile(String accountId, Map<String, Object> fields) {
        return patchProfile(accountId, fields).block();
    }

    Mono<Integer> patchProfile(String accountId, Map<String, Object> fields) {
        return transport.write(HttpMethod.PATCH, MANAGE + "/profile", Map.of("accountId", accountId), fields);
    }

    /**
     * {@code PUT /users/{id}/manage/email}. Only a 429 is retried here (the server did not act on it); after any
     * other failure the caller must re-read the account before deciding to send again.
     */
    public int changeEmail(String accountId, String email) {
        return setEmail(accountId, email).block();
    }

    Mono<Integer> setEmail(String accountId, String email) {
        return transport.write(
                HttpMethod.PUT, MANAGE + "/email", Map.of("accountId", accountId), Map.of("email", email));
    }
}
