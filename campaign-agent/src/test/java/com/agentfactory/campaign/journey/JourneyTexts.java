package com.agentfactory.campaign.journey;

/** Journey definitions for tests. */
final class JourneyTexts {

    static final String SIMPLE_YAML = """
            name: Welcome
            trigger:
              type: event
              event: customer.upserted
            steps:
              - id: hello
                type: email
                template: welcome
              - id: done
                type: end
                reason: welcomed
            """;

    static final String SIMPLE_JSON = """
            {"name": "Welcome", "trigger": {"type": "event", "event": "customer.upserted"},
             "steps": [{"id": "hello", "type": "email", "template": "welcome"},
                       {"id": "done", "type": "end", "reason": "welcomed"}]}
            """;

    private JourneyTexts() {}

    /** A three-step journey whose middle step carries {@code extra} (one JSON member, written YAML-like as k: v). */
    static String with(String extra) {
        String[] parts = extra.split(":\\s*", 2);
        return """
                {"name": "n", "trigger": {"type": "event", "event": "cart.abandoned"},
                 "steps": [{"id": "a", "type": "wait", "duration": "1 hour"},
                           {"id": "b", "type": "email", "template": "t", "%s": "%s"},
                           {"id": "z", "type": "end"}]}
                """.formatted(parts[0], parts[1]);
    }
}
