package com.agentfactory.campaign.consent;

import static com.agentfactory.campaign.support.CustomerMother.customer;
import static com.agentfactory.campaign.support.CustomerMother.freshCountry;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SuppressionListIT extends CampaignIntegrationTest {

    @Autowired
    ContactPermissions permissions;

    @Test
    void aHardBounceKeepsTheUnsubscribeStaffRecordedSoANewAddressDoesNotLiftIt() {
        UUID id = knownCustomer();
        suppress(id, "email", "asked us to stop");

        permissions.hardBounced(id, Channel.EMAIL, id + "@shop.example", "550 5.1.1 no such user");
        permissions.addressChanged(id, Channel.EMAIL);

        Response listed = api.get("/api/v1/campaigns/suppressions?customer_id=" + id);
        assertThat(listed.body().path("pagination").path("total").asLong()).isEqualTo(1);
        assertThat(listed.text("/items/0/reason")).isEqualTo("asked us to stop");
        assertThat(listed.text("/items/0/suppressed_by")).isEqualTo("test-user");
    }

    @Test
    void recordsAHardBounceWhoseReplyIsLongerThanTheReasonKeeps() {
        UUID id = knownCustomer();

        permissions.hardBounced(id, Channel.EMAIL, id + "@shop.example", "550 5.1.1 " + "no such user ".repeat(100));

        Response listed = api.get("/api/v1/campaigns/suppressions?customer_id=" + id);
        assertThat(listed.text("/items/0/suppressed_by")).isEqualTo("bounce");
        assertThat(listed.text("/items/0/reason"))
                .hasSize(500)
                .startsWith("hard bounce: 550 5.1.1 no such user")
                .endsWith("...");
    }

    @Test
    void aLaterHardBounceRenewsTheBounceSuppression() {
        UUID id = knownCustomer();

        permissions.hardBounced(id, Channel.EMAIL, id + "@shop.example", "550 5.1.1 first");
        permissions.hardBounced(id, Channel.EMAIL, id + "@shop.example", "550 5.1.1 second");

        Response listed = api.get("/api/v1/campaigns/suppressions?customer_id=" + id);
        assertThat(listed.text("/items/0/reason")).isEqualTo("hard bounce: 550 5.1.1 second");
    }

    @Test
    void listsTheSuppressionsOfACustomerWithWhoTheyAreNewestFirst() {
        UUID id = knownCustomer();
        suppress(id, "email", "hard bounce");
        suppress(id, "sms", "complaint");

        Response listed = api.get("/api/v1/campaigns/suppressions?customer_id=" + id);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("pagination").path("total").asLong()).isEqualTo(2);
        assertThat(listed.text("/items/0/channel")).isEqualTo("sms");
        assertThat(listed.text("/items/0/reason")).isEqualTo("complaint");
        assertThat(listed.text("/items/0/email")).isEqualTo(id + "@shop.example");
        assertThat(listed.text("/items/0/suppressed_by")).isEqualTo("test-user");
        assertThat(listed.text("/items/1/channel")).isEqualTo("email");
    }

    @Test
    void narrowsTheListToAChannelAndDropsALiftedSuppression() throws Exception {
        UUID kept = knownCustomer();
        UUID lifted = knownCustomer();
        suppress(kept, "push", "device gone");
        suppress(lifted, "push", "asked by phone");
        suppress(lifted, "email", "legal hold");

        assertThat(channelsOf(lifted, "push")).containsExactly("push");
        assertThat(delete("/api/v1/campaigns/consents/" + lifted + "/suppressions/push"))
                .isEqualTo(204);

        assertThat(channelsOf(lifted, "push")).isEmpty();
        assertThat(channelsOf(lifted, null)).containsExactly("email");
        assertThat(channelsOf(kept, "push")).containsExactly("push");
        Response everyPush = api.get("/api/v1/campaigns/suppressions?channel=push&limit=100");
        everyPush.body().path("items").forEach(item -> assertThat(
                        item.path("channel").asString())
                .isEqualTo("push"));
    }

    @Test
    void refusesAnUnknownChannelAndAPageOutOfRange() {
        Response badChannel = api.get("/api/v1/campaigns/suppressions?channel=fax");
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.errorFields()).contains("channel");

        assertThat(api.get("/api/v1/campaigns/suppressions?limit=101").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/campaigns/suppressions?customer_id=not-a-uuid")
                        .status())
                .isEqualTo(400);
    }

    private List<String> channelsOf(UUID customer, String channel) {
        Response listed = api.get("/api/v1/campaigns/suppressions?customer_id=" + customer
                + (channel == null ? "" : "&channel=" + channel));
        assertThat(listed.status()).isEqualTo(200);
        List<String> channels = new ArrayList<>();
        listed.body()
                .path("items")
                .forEach(item -> channels.add(item.path("channel").asString()));
        return channels;
    }

    private int delete(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                                .header("Authorization", "Bearer " + TestTokens.staff("test-user", "MARKETING_MANAGER"))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void suppress(UUID customer, String channel, String reason) {
        assertThat(api.put(
                                "/api/v1/campaigns/consents/" + customer + "/suppressions/" + channel,
                                Map.of("reason", reason))
                        .status())
                .isEqualTo(200);
    }

    private UUID knownCustomer() {
        UUID id = UUID.randomUUID();
        commerce.publishAndWait(
                customer(id, id + "@shop.example", freshCountry(), Instant.parse("2026-01-01T00:00:00Z")));
        return id;
    }
}
