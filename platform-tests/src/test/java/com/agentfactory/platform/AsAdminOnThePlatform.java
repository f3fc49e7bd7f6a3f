package com.agentfactory.platform;

import org.junit.jupiter.api.BeforeAll;

/** An end-to-end test class on the one running platform, calling as the bootstrap admin. */
abstract class AsAdminOnThePlatform {

    static RunningPlatform platform;
    static String adminToken;

    @BeforeAll
    static void startPlatformAndSignIn() {
        platform = RunningPlatform.get();
        adminToken = PlatformEndToEndIT.login(RunningPlatform.ADMIN_EMAIL, RunningPlatform.ADMIN_PASSWORD);
    }

    static String gateway(String path) {
        return platform.gateway.baseUrl() + path;
    }
}
