package com.agentfactory.campaign.consent;

import static com.agentfactory.campaign.support.CustomerMother.customer;
import static com.agentfactory.campaign.support.CustomerMother.freshCountry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConsentsIT extends CampaignIntegrationTest {

    @Autowired
    ContactPolicy contactPolicy;

    @Autowired
    ConsentService consentService;

    @Test
    void recordsConsentPerChannelWithSourceAndTimeAndSaysWhoMayBeContacted() {
        UUID id = knownCustomer();

        Response updated = api.put(
                "/api/v1/campaigns/consents/" + id,
                Map.of(
                        "consents",
                        List.of(
                                Map.of("channel", "email", "granted", true, "source", "checkout"),
                                Map.of("channel", "sms", "granted", false, "source", "preference-page"))));
        Response fetched = api.get("/api/v1/campaigns/consents/" + id);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.text("/consents/0/channel")).isEqualTo("email");
        assertThat(fetched.text("/consents/0/source")).isEqualTo("checkout");
        assertThat(fetched.text("/consents/0/recorded_by")).isEqualTo("test-user");
        assertThat(fetched.text("/consents/0/recorded_at")).isNotBlank();
        assertThat(fetched.body().at("/contact/0/allowed").asBoolean()).isTrue();
        assertThat(fetched.body().at("/contact/1/allowed").asBoolean()).isFalse();
        assertThat(fetched.text("/contact/1/reason")).contains("withdrawn");
        assertThat(fetched.text("/contact/2/reason")).contains("no consent");
        assertThat(contactPolicy.mayContact(id, Channel.EMAIL).allowed()).isTrue();
        assertThat(contactPolicy.mayContact(id, Channel.SMS).allowed()).isFalse();
        assertThat(contactPolicy.mayContact(id, Channel.PUSH).allowed()).isFalse();
    }

    @Test
    void keepsEveryConsentChangeForAudit() {
        UUID id = knownCustomer();

        api.put("/api/v1/campaigns/consents/" + id, consent("email", true, "signup"));
        api.put("/api/v1/campaigns/consents/" + id, consent("email", false, "unsubscribe-link"));

        assertThat(jdbc.queryForList(
                        "SELECT source FROM consent_changes WHERE customer_id = ? ORDER BY id", String.class, id))
                .containsExactly("signup", "unsubscribe-link");
        assertThat(contactPolicy.mayContact(id, Channel.EMAIL).allowed()).isFalse();
    }

    @Test
    void aSuppressionStopsContactUntilLifted() {
        UUID id = knownCustomer();
        api.put("/api/v1/campaigns/consents/" + id, consent("email", true, "signup"));

        Response suppressed =
                api.put("/api/v1/campaigns/consents/" + id + "/suppressions/email", Map.of("reason", "hard bounce"));

        assertThat(suppressed.status()).isEqualTo(200);
        assertThat(suppressed.text("/suppressions/0/reason")).isEqualTo("hard bounce");
        assertThat(contactPolicy.mayContact(id, Channel.EMAIL).reason()).contains("hard bounce");
        consentService.lift(id, "email", staff());
        assertThat(contactPolicy.mayContact(id, Channel.EMAIL).allowed()).isTrue();
    }

    @Test
    void answers404ForACustomerTheAgentDoesNotKnow() {
        UUID unknown = UUID.randomUUID();

        assertThat(api.get("/api/v1/campaigns/consents/" + unknown).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/campaigns/consents/" + unknown, consent("email", true, "signup"))
                        .status())
                .isEqualTo(404);
        assertThat(contactPolicy.mayContact(unknown, Channel.EMAIL).allowed()).isFalse();
    }

    @Test
    void rejectsInvalidConsentRequestsNamingTheFields() {
        UUID id = knownCustomer();

        Response invalid = api.put(
                "/api/v1/campaigns/consents/" + id,
                Map.of("consents", List.of(Map.of("channel", "fax", "granted", true, "source", ""))));
        Response twice = api.put(
                "/api/v1/campaigns/consents/" + id,
                Map.of(
                        "consents",
                        List.of(
                                Map.of("channel", "email", "granted", true, "source", "a"),
                                Map.of("channel", "email", "granted", false, "source", "b"))));
        Response badChannel = api.put("/api/v1/campaigns/consents/" + id + "/suppressions/fax", Map.of("reason", "x"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder("consents[0].channel", "consents[0].source");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.errorFields()).containsExactly("consents[1].channel");
        assertThat(badChannel.status()).isEqualTo(400);
    }

    @Test
    void aCustomerSeesOnlyTheirOwnConsentAndCannotLiftASuppression() {
        UUID id = knownCustomer();
        UUID other = knownCustomer();
        Caller customer = new Caller("user-1", Set.of(Caller.CUSTOMER), id, null);

        assertThat(consentService.get(id, customer).customerId()).isEqualTo(id);
        assertThatThrownBy(() -> consentService.get(other, customer)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> consentService.lift(id, "email", customer)).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void aCustomerSeesTheReasonOfTheirSuppressionButNotWhichMemberOfStaffMadeIt() {
        UUID id = knownCustomer();
        api.put("/api/v1/campaigns/consents/" + id, consent("sms", true, "phone call"));
        api.put("/api/v1/campaigns/consents/" + id + "/suppressions/email", Map.of("reason", "complained by letter"));
        Api customer = api.withToken(TestTokens.customer(id));
        customer.put("/api/v1/campaigns/consents/" + id, consent("push", true, "app settings"));

        Response own = customer.get("/api/v1/campaigns/consents/" + id);
        Response staff = api.get("/api/v1/campaigns/consents/" + id);

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("/suppressions/0/reason")).isEqualTo("complained by letter");
        assertThat(own.body().toString()).as("the staff member's user id").doesNotContain("test-user");
        assertThat(recordedBy(own, "push")).as("their own change").isEqualTo(id.toString());
        assertThat(staff.text("/suppressions/0/suppressed_by")).isEqualTo("test-user");
        assertThat(recordedBy(staff, "sms")).isEqualTo("test-user");
    }

    private static String recordedBy(Response consents, String channel) {
        for (var consent : consents.body().path("consents")) {
            if (consent.path("channel").asString().equals(channel)) {
                return consent.path("recorded_by").asString();
            }
        }
        throw new AssertionError("no " + channel + " consent");
    }

    private UUID knownCustomer() {
        UUID id = UUID.randomUUID();
        commerce.publishAndWait(
                customer(id, id + "@shop.example", freshCountry(), Instant.parse("2026-01-01T00:00:00Z")));
        return id;
    }

    private static Map<String, Object> consent(String channel, boolean granted, String source) {
        return Map.of("consents", List.of(Map.of("channel", channel, "granted", granted, "source", source)));
    }

    private static Caller staff() {
        return new Caller("ops-1", Set.of(Caller.MARKETING_MANAGER), null, null);
    }
}
