package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** An end-to-end test class on the one running platform, calling as the bootstrap admin. */
abstract class AsAdminOnThePlatform {

    static RunningPlatform platform;
    static String adminToken;

    @BeforeAll
    static void startPlatformAndSignIn() {
        platform = RunningPlatform.get();
        adminToken = login(RunningPlatform.ADMIN_EMAIL, RunningPlatform.ADMIN_PASSWORD);
    }

    static String login(String email, String password) {
        Http.Reply reply = Http.post(gateway("/api/v1/auth/login"), null, Map.of("email", email, "password", password));
        assertThat(reply.status()).isEqualTo(200);
        return reply.text("/access_token");
    }

    static String gateway(String path) {
        return platform.gateway.baseUrl() + path;
    }
}
