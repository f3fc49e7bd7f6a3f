package com.agentfactory.support.answer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The optional LLM that phrases answers: any OpenAI-compatible chat-completions endpoint (Ollama serves one
 * under /v1). Off by default; when it is slow or down, answers come from the templates.
 *
 * @param baseUrl the URL that {@code /chat/completions} is appended to
 * @param apiKey sent as a bearer token when not blank (from the environment, never committed)
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
 * @param slidingWindowSize how many recent calls the failure rate is computed over
 * @param openStateWait how long the circuit stays open before trying the LLM again
 */
@Validated
@ConfigurationProperties("agentfactory.support.llm")
record LlmProperties(
        boolean enabled,
        @NotNull URI baseUrl,
        @NotBlank String model,
        String apiKey,
        @NotNull Duration timeout,
        @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
        @Min(1) int slidingWindowSize,
        @NotNull Duration openStateWait) {}
