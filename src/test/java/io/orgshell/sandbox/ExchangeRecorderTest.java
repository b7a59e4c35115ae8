package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExchangeRecorderTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(10));

    static SandboxServer server;
    static SandboxHttp http;
    static final List<RecordedExchange> seen = new CopyOnWriteArrayList<>();

    /** A slow listener: an answer that left before its exchange was recorded would be seen missing. */
    @BeforeAll
    static void record() {
        ExchangeRecorder.onExchange(server, e -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            seen.add(e);
        });
    }

    @BeforeEach
    void clear() {
        seen.clear();
    }

    @Test
    void exchangesAreRecordedForApiCallsOnly() {
        http.get(http.org("/users?cursor=abc"));
        http.get("/__sandbox/stats");
        assertThat(seen).hasSize(1);
        RecordedExchange e = seen.get(0);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/admin/v1/orgs/" + server.orgId() + "/users");
        assertThat(e.rawQuery()).isEqualTo("cursor=abc");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.responseBody()).contains("ADMIN-400-1");
        // header names as the JDK server normalises them: compare case-insensitively
        assertThat(e.responseHeaders().keySet()).anyMatch(k -> k.equalsIgnoreCase("X-RateLimit-Remaining"));
        assertThat(e.toString()).doesNotContain(server.apiKey());
    }

    @Test
    void answersWithAndWithoutBodyAreRecordedBeforeTheyLeave() {
        SandboxUser u = server.org().users().stream()
                .filter(x -> x.managed() && !x.idpSynced())
                .findFirst()
                .orElseThrow();
        String body = "{\"email\":\"" + u.email() + "\"}";
        assertThat(http.put("/users/" + u.accountId() + "/manage/email", body).status())
                .isEqualTo(204);
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(204);
            assertThat(e.requestBody()).isEqualTo(body);
            assertThat(e.responseBody()).isEmpty();
        });
        String answer = http.get("/users/" + u.accountId() + "/manage/profile").body();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).status()).isEqualTo(200);
        assertThat(seen.get(1).responseBody()).isEqualTo(answer);
    }

    @Test
    void aDroppedConnectionIsRecordedWithStatusZero() {
        server.faults().add(FaultScript.ANY, Fault.drop());
        // a POST: java.net.http would retry a dropped GET on its own
        String path = http.v2("/users/" + server.org().managedAt(0).accountId() + "/suspend");
        assertThatThrownBy(() -> new SandboxHttp(server).sendOrThrow("POST", path, null, server.apiKey()))
                .isInstanceOf(IOException.class);
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.status()).isZero();
            assertThat(e.responseHeaders()).isEmpty();
            assertThat(e.responseBody()).isEmpty();
        });
    }
}
