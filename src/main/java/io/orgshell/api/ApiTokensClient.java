package io.orgshell.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * API tokens of the org's managed accounts, through two APIs: the API access API lists every token of the org
 * ({@code GET /admin/api-access/v1/orgs/{orgId}/api-tokens}, cursor-paged), and the user management API lists and
 * revokes one account's ({@code /users/{accountId}/manage/api-tokens[/{tokenId}]}). The API access API's
 * "revoke every token of the org" is deliberately absent: a clean-up revokes the tokens it names, one by one.
 */
public final class ApiTokensClient {

    static final String ORG_TOKENS = "/admin/api-access/v1/orgs/{orgId}/api-tokens";
    static final String USER_TOKENS = "/users/{accountId}/manage/api-tokens";
    /** The largest page the sandbox serves; the API's own limit is not documented. */
    static final int PAGE_SIZE = 100;

    private final ApiTransport transport;

    ApiTokensClient(ApiTransport transport) {
        this.transport = transport;
    }

    /**
     * Every token of the org, a page at a time (each fetched when the one before has been consumed). The date
     * filters are not sent: the values they take are not documented, and a guess the API refuses would end the
     * listing; the caller filters on the dates each token carries.
     */
    public Iterable<List<ApiToken>> orgTokens(String text) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("pageSize", String.valueOf(PAGE_SIZE));
        if (text != null && !text.isBlank()) {
            query.put("q", text.strip());
        }
        return transport
                .pages(ORG_TOKENS, Map.of(), query, ApiToken.Page.class)
                .map(p -> ApiTransport.nonNull(p.data()))
                .toIterable(1);
    }

    /** One account's tokens, as the user management API lists them. */
    public List<UserToken> tokensOf(String accountId) {
        UserToken[] tokens = transport
                .get(USER_TOKENS, Map.of("accountId", accountId), Map.of(), UserToken[].class)
                .block();
        return tokens == null ? List.of() : Arrays.asList(tokens);
    }

    /** Revokes one token: the status the API answered (a 2xx). */
    public int revoke(String accountId, String tokenId) {
        return transport
                .write(
                        HttpMethod.DELETE,
                        USER_TOKENS + "/{tokenId}",
                        Map.of("accountId", accountId, "tokenId", tokenId),
                        null)
                .block();
    }
}
