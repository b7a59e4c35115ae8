package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /users/{accountId}/manage/profile}: the account wrapped in {@code account}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserProfile(Account account) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(
            @JsonProperty("account_id") String accountId,
            @JsonProperty("account_type") String accountType,
            @JsonProperty("account_status") String accountStatus,
            String name,
            String picture,
            String email,
            String nickname,
            String zoneinfo,
            String locale,
            @JsonProperty("extended_profile") ExtendedProfile extendedProfile)
            implements OrgAccount {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExtendedProfile(
            @JsonProperty("job_title") String jobTitle, String organization, String department, String location) {}
}
