package com.agentfactory.support.answer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A minimal client of the OpenAI chat-completions protocol, which Ollama, vLLM and llama.cpp also serve. */
class LlmClient {

    private final LlmProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    LlmClient(LlmProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    String complete(String system, String user) throws IOException, InterruptedException {
        var body = json.createObjectNode();
        body.put("model", properties.model());
        body.put("temperature", 0.2);
        body.put("max_tokens", 300);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        var request = HttpRequest.newBuilder(endpoint())
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + properties.apiKey());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("LLM answered HTTP " + response.statusCode());
        }
        JsonNode content = json.readTree(response.body()).at("/choices/0/message/content");
        if (!content.isString() || content.asString().isBlank()) {
            throw new IOException("LLM response has no message content");
        }
        return content.asString().strip();
    }

    private URI endpoint() {
        String base = properties.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }
}
