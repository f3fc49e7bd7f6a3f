package com.agentfactory.campaign.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsProviderSignaturesTest {

    private static final String SECRET = "a-provider-secret-of-at-least-32-chars";
    private static final String OTHER_SECRET = "another-provider-secret-of-32-chars!";
    private static final byte[] BODY =
            "{\"message_id\":\"SM1\",\"from\":\"+447700900123\",\"text\":\"STOP\"}".getBytes(StandardCharsets.UTF_8);

    private final SmsProviderSignatures signatures = new SmsProviderSignatures(
            new InboundSmsProperties(Map.of("primary", SECRET, "backup", OTHER_SECRET, "unset", " "), "GB"));

    @Test
    void namesTheProviderWhoseSecretSignedTheBody() {
        assertThat(signatures.verify("primary", SmsProviderSignatures.sign(SECRET, BODY), BODY))
                .contains("primary");
        String hex = SmsProviderSignatures.sign(SECRET, BODY).substring("sha256=".length());
        assertThat(signatures.verify("primary", "sha256=" + hex.toUpperCase(Locale.ROOT), BODY))
                .as("hex in capitals is the same signature")
                .contains("primary");
    }

    @Test
    void refusesABodySignedWithAnotherProvidersSecret() {
        assertThat(signatures.verify("primary", SmsProviderSignatures.sign(OTHER_SECRET, BODY), BODY))
                .isEmpty();
    }

    @Test
    void refusesABodyChangedAfterItWasSigned() {
        byte[] changed = new String(BODY, StandardCharsets.UTF_8)
                .replace("+447700900123", "+447700900124")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(signatures.verify("primary", SmsProviderSignatures.sign(SECRET, BODY), changed))
                .isEmpty();
    }

    @Test
    void refusesAnUnknownOrUnconfiguredProviderAndMissingParts() {
        String signed = SmsProviderSignatures.sign(SECRET, BODY);

        assertThat(signatures.verify("nobody", signed, BODY)).isEmpty();
        assertThat(signatures.verify("unset", SmsProviderSignatures.sign(" ", BODY), BODY))
                .isEmpty();
        assertThat(signatures.verify(null, signed, BODY)).isEmpty();
        assertThat(signatures.verify("primary", null, BODY)).isEmpty();
        assertThat(signatures.verify("primary", signed.substring("sha256=".length()), BODY))
                .isEmpty();
        assertThat(signatures.verify("primary", signed, null)).isEmpty();
    }
}
