package com.agentfactory.support.answer;

import static com.agentfactory.support.answer.AnswerContextMother.question;
import static com.agentfactory.support.answer.AnswerContextMother.returnsPassage;
import static com.agentfactory.support.testdata.UnderstandingMother.confident;
import static com.agentfactory.support.testdata.UnderstandingMother.withIntents;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.language.ReplyPhrases;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The LLM is an outside system: a fake OpenAI-compatible server stands in for it. */
class AnswerServiceLlmTest {

    private static final String COMPLETION =
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"You have 30 days to return it.\"}}]}";

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<String> mode = new AtomicReference<>("ok");
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> lastRequest = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer fakeLlm;

    @BeforeEach
    void startFakeLlm() throws IOException {
        fakeLlm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakeLlm.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        fakeLlm.createContext("/v1/chat/completions", exchange -> {
            calls.incrementAndGet();
            lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                switch (mode.get()) {
                    case "hang" -> release.await(30, TimeUnit.SECONDS);
                    case "error" -> {
                        exchange.sendResponseHeaders(500, -1);
                        return;
                    }
                    default -> {}
                }
                byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        fakeLlm.start();
    }

    @AfterEach
    void stopFakeLlm() {
        release.countDown();
        fakeLlm.stop(0);
    }

    // generous, so a loaded machine does not turn the fake's answer into a timeout; the timeout test sets its own
    private AnswerService service(boolean enabled) {
        return service(enabled, Duration.ofSeconds(10));
    }

    private AnswerService service(boolean enabled, Duration timeout) {
        var properties = new LlmProperties(
                enabled,
                URI.create("http://127.0.0.1:" + fakeLlm.getAddress().getPort() + "/v1"),
                "test-model",
                "secret-from-env",
                timeout,
                50,
                4,
                Duration.ofMinutes(5));
        return new AnswerService(
                new AnswerTemplates(new ReplyPhrases(List.of("en", "de", "fr", "es", "nl", "it"))), properties, json);
    }

    @Test
    void answersFromTheTemplateWithoutCallingTheFakeOutsideLlmWhenItIsDisabled() {
        var answer = service(false).answer(question(confident("check_refund_policy"), List.of(returnsPassage())));

        assertThat(answer.source()).isEqualTo(AnswerSource.TEMPLATE);
        assertThat(calls).hasValue(0);
    }

    @Test
    void usesTheFakeOutsideLlmsAnswerGroundedInThePassages() {
        var answer = service(true).answer(question(confident("check_refund_policy"), List.of(returnsPassage())));

        assertThat(answer.source()).isEqualTo(AnswerSource.LLM);
        assertThat(answer.text()).isEqualTo("You have 30 days to return it.");
        assertThat(answer.sources()).containsExactly(returnsPassage());
        assertThat(lastRequest.get()).contains("test-model", "within 30 days of delivery");
    }

    @Test
    void fallsBackToTheTemplateWhenTheFakeOutsideLlmTimesOut() {
        mode.set("hang");
        long started = System.nanoTime();

        var answer = service(true, Duration.ofMillis(300))
                .answer(question(confident("check_refund_policy"), List.of(returnsPassage())));

        assertThat(answer.source()).isEqualTo(AnswerSource.TEMPLATE);
        assertThat(answer.text()).contains("within 30 days of delivery");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void opensTheCircuitAfterRepeatedFakeOutsideLlmErrorsAndStopsCallingIt() {
        mode.set("error");
        AnswerService service = service(true);
        for (int i = 0; i < 4; i++) {
            assertThat(service.answer(question(confident("check_refund_policy"), List.of(returnsPassage())))
                            .source())
                    .isEqualTo(AnswerSource.TEMPLATE);
        }
        assertThat(service.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhenOpened = calls.get();

        var answer = service.answer(question(confident("check_refund_policy"), List.of(returnsPassage())));

        assertThat(answer.source()).isEqualTo(AnswerSource.TEMPLATE);
        assertThat(calls).hasValue(callsWhenOpened);
    }

    @Test
    void doesNotAskTheFakeOutsideLlmWhenNothingGroundsAnAnswer() {
        var answer = service(true).answer(question(withIntents(), List.of()));

        assertThat(answer.grounded()).isFalse();
        assertThat(calls).hasValue(0);
    }
}
