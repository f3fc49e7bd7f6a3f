package com.agentfactory.campaign.inbound;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SMS providers allowed to post inbound texts.
 *
 * @param providers per provider (named in {@code X-Sms-Provider}), the secret it signs each request body with. A
 *     provider whose secret is blank (its variable unset) is left out, and its calls refused; with none left the
 *     endpoint refuses every call, and the agent runs without inbound texts
 * @param defaultRegion the store's country (ISO 3166, with a numbering plan in libphonenumber): a sender's number
 *     written without its plus is read as dialled there or as a foreign number, and refused when it reads as two
 *     different mobile numbers or as none
 */
@Validated
@ConfigurationProperties("agentfactory.campaign.inbound-sms")
record InboundSmsProperties(
        Map<
                        @Pattern(
                                regexp = "[a-z0-9][a-z0-9-]{0,31}",
                                message = "must be a provider name of lower-case letters, digits and hyphens (at"
                                        + " most 32)")
                        String,
                        @Size(min = 32, message = "must be at least 32 characters") String>
                providers,
        String defaultRegion) {

    InboundSmsProperties {
        // refused at start-up rather than misread numbers later
        NationalNumbering.of(defaultRegion);
        Map<String, String> configured = new LinkedHashMap<>();
        if (providers != null) {
            providers.forEach((provider, secret) -> {
                if (secret != null && !secret.isBlank()) {
                    configured.put(provider, secret.strip());
                }
            });
        }
        providers = Map.copyOf(configured);
    }

    NationalNumbering numbering() {
        return NationalNumbering.of(defaultRegion);
    }
}
