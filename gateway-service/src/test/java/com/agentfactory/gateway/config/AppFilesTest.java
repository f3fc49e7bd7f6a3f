package com.agentfactory.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class AppFilesTest {

    private final AppFiles appFiles = new AppFiles("/assets/**", "/", "/admin", "/admin/**", "/shop/**");

    @Test
    void takesReadsOfTheAppsPagesAndBundles() {
        for (String path : new String[] {"/", "/admin", "/admin/tasks/abc", "/shop/cart", "/assets/index-abc.js"}) {
            assertThat(appFiles.matches(MockServerHttpRequest.get(path).build()))
                    .as(path)
                    .isTrue();
            assertThat(appFiles.matches(MockServerHttpRequest.head(path).build()))
                    .as(path)
                    .isTrue();
        }
    }

    @Test
    void leavesOtherMethodsAndPathsOut() {
        assertThat(appFiles.matches(MockServerHttpRequest.method(HttpMethod.POST, "/assets/x.js")
                        .build()))
                .isFalse();
        assertThat(appFiles.matches(MockServerHttpRequest.post("/admin").build()))
                .isFalse();
        for (String path : new String[] {"/api/v1/products", "/docs", "/administrator", "/v3/api-docs", "/assetsx"}) {
            assertThat(appFiles.matches(MockServerHttpRequest.get(path).build()))
                    .as(path)
                    .isFalse();
        }
    }
}
