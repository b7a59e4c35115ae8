package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A managed account from {@code GET /admin/v1/orgs/{orgId}/users}. Enumerations (status, type, product key) are
 * strings: the API documents them as closed but adds values over time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManagedUser(
        @JsonProperty("account_id") String accountId,
        @JsonProperty("account_type") String accountType,
        @JsonProperty("account_status") String accountStatus,
        String name,
        String picture,
        String email,
        @JsonProperty("access_billable") Boolean accessBillable,
        @JsonProperty("last_active") String lastActive,
        @JsonProperty("product_access") List<ProductAccess> productAccess)
        implements OrgAccount {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductAccess(
            String key,
            String name,
            String url,
            @JsonProperty("last_active") String lastActive) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(Integer total) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<ManagedUser> data, Meta meta, Links links) implements ListPage {

        @Override
        public Integer total() {
            return meta == null ? null : meta.total();
        }

        public int totalOr(int fallback) {
            return meta == null || meta.total() == null ? fallback : meta.total();
        }
    }
}
