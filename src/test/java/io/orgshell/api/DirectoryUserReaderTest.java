package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written reader gives what databind's own record reading gives, for every shape an answer may take. */
class DirectoryUserReaderTest {

    private static final JsonMapper READER = JsonMapper.builder().build();

    /** Databind's generic reading of the same record, the reader switched off. */
    private static final JsonMapper DATABIND =
            JsonMapper.builder().addMixIn(DirectoryUser.class, Plain.class).build();

    @JsonDeserialize(using = ValueDeserializer.None.class)
    private interface Plain {}

    private static final String SEARCH_ENTRY = "{\"accountId\":\"e928\",\"accountType\":\"atlassian\",\"name\":\"Ken\","
            + "\"nickname\":\"ken\",\"email\":\"ken@acme.example\",\"emailVerified\":true,\"status\":\"active\","
            + "\"accountStatus\":\"active\",\"membershipStatus\":\"active\",\"claimStatus\":\"managed\","
            + "\"forDeletion\":false,\"platformRoles\":[\"atlassian/org-admin\"],\"picture\":\"https://p/x.png\","
            + "\"mfaEnabled\":false,\"jobTitle\":\"SRE\",\"department\":\"Sales\",\"organization\":\"Acme\","
            + "\"location\":\"New York, NY\",\"timeZone\":\"Europe/London\",\"addedToOrg\":\"2022-03-05T23:52:50Z\","
            + "\"managementSource\":\"synced\",\"deactivatedOn\":null,"
            + "\"productAccess\":[{\"key\":\"jira-software\",\"id\":\"ari:x\",\"lastActiveTimestamp\":"
            + "\"2026-12-02T03:05:13Z\"},{\"key\":\"confluence\"}],\"groups\":[{\"id\":\"g1\",\"name\":\"admins\"}]}";

    @Test
    void readsEveryShapeAsDatabindDoes() {
        List<String> bodies = List.of(
                SEARCH_ENTRY,
                "{}",
                // values of other scalar types, nulls inside lists, unknown fields of every kind, escapes
                "{\"accountId\":12345,\"name\":\"A \\\"quoted\\\" \\u00e9 name\",\"mfaEnabled\":\"true\","
                        + "\"forDeletion\":null,\"platformRoles\":[\"a\",null,7],\"extra\":{\"deep\":[1,{\"x\":[]}]},"
                        + "\"productAccess\":[null,{\"key\":\"k\",\"future\":{\"a\":1},\"id\":5}],\"more\":[true]}",
                "{\"platformRoles\":null,\"productAccess\":null,\"groups\":null,\"email\":null}",
                "{\"platformRoles\":[],\"productAccess\":[],\"groups\":[]}");
        for (String body : bodies) {
            assertThat(READER.readValue(body, DirectoryUser.class))
                    .as(body)
                    .isEqualTo(DATABIND.readValue(body, DirectoryUser.class));
            String page = "{\"data\":[" + body + "," + body + "],\"links\":{\"next\":\"c\"}}";
            assertThat(READER.readValue(page, DirectoryUser.Page.class))
                    .as(page)
                    .isEqualTo(DATABIND.readValue(page, DirectoryUser.Page.class));
        }
    }

    @Test
    void refusesWhatDatabindRefuses() {
        for (String body :
                List.of("[1]", "\"text\"", "{\"name\":{\"first\":\"K\"}}", "{\"platformRoles\":{\"a\":1}}")) {
            assertThatThrownBy(() -> DATABIND.readValue(body, DirectoryUser.class))
                    .as(body)
                    .isInstanceOf(JacksonException.class);
            assertThatThrownBy(() -> READER.readValue(body, DirectoryUser.class))
                    .as(body)
                    .isInstanceOf(JacksonException.class);
        }
    }
}
