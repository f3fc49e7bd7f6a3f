package com.agentfactory.campaign.inbound;

import static com.agentfactory.campaign.support.CustomerMother.customer;
import static com.agentfactory.campaign.support.CustomerMother.freshCountry;
import static com.agentfactory.campaign.support.CustomerMother.freshPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.delivery.SimulatedMessage;
import com.agentfactory.campaign.delivery.SimulatedSmsGateway;
import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.EmailJourneys;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.campaign.support.SmsJourneys;
import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.testing.ErasureUnderWay;
import com.agentfactory.messaging.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Texts customers send back, as an SMS provider posts them straight to the agent, signed with its own secret: a STOP
 * withdraws the SMS consent of the customers holding the number, and no text goes to them after it.
 */
@ExtendWith(OutputCaptureExtension.class)
class InboundSmsIT extends CampaignIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEXT_TEMPLATE = "inbound_sms_offer";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    SimulatedSmsGateway sms;

    @Autowired
    PersonalDataHolder personalData;

    @Autowired
    InboundSmsPurge purge;

    @Autowired
    InboundSmsRetention retention;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    SmsProviderSignatures signatures;

    @Autowired
    SmsReplies replies;

    @Autowired
    jakarta.validation.Validator validator;

    // the agent's own, which reads the provider's snake_case fields
    @Autowired
    JsonMapper json;

    @Test
    void keepsThePhoneNumberOfTheCustomerEventAndClearsItWhenALaterProfileHasNone() {
        UUID id = UUID.randomUUID();
        String phone = freshPhone();
        Instant at = Instant.now();

        commerce.publishAndWait(customer(id, null, phone, freshCountry(), at));
        assertThat(phoneOf(id)).isEqualTo(phone);

        commerce.publishAndWait(customer(id, null, null, freshCountry(), at.plusSeconds(1)));
        assertThat(phoneOf(id)).isNull();
    }

    @Test
    void textsGoToTheCustomersNumber() {
        String phone = freshPhone();
        UUID customer = SmsJourneys.consentingCustomer(commerce, api, phone);

        text(customer);

        assertThat(awaitSend(customer, 1)).isEqualTo("sent");
        assertThat(textsTo(customer))
                .singleElement()
                .extracting(SimulatedMessage::to)
                .isEqualTo(phone);
    }

    @Test
    void skipsATextToACustomerWithoutANumberAsAnEmailWithoutAnAddressIs() {
        UUID customer = SmsJourneys.consentingCustomer(commerce, api, null);

        text(customer);

        assertThat(awaitSend(customer, 1)).isEqualTo("refused");
        assertThat(jdbc.queryForList("SELECT reason FROM send_skips WHERE customer_id = ?", String.class, customer))
                .containsExactly("no_address");
        assertThat(textsTo(customer)).isEmpty();
    }

    @Test
    void aStopReplyWithdrawsSmsConsentOfEveryCustomerHoldingTheNumberAndNoTextGoesAfterIt() {
        String phone = freshPhone();
        UUID customer = SmsJourneys.consentingCustomer(commerce, api, phone);
        UUID household = SmsJourneys.consentingCustomer(commerce, api, phone);
        UUID neighbour = SmsJourneys.consentingCustomer(commerce, api, freshPhone());
        text(customer);
        assertThat(awaitSend(customer, 1)).isEqualTo("sent");
        String messageId = "SM" + UUID.randomUUID();

        HttpResponse<String> answer = inbound(messageId, phone, "  Stop \n");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("outcome").asString()).isEqualTo("opted_out");
        String source = "SMS reply STOP via " + SMS_PROVIDER + " (message " + messageId + ")";
        for (UUID stopped : List.of(customer, household)) {
            assertThat(jdbc.queryForList(
                            "SELECT granted, source, recorded_by FROM consent_changes"
                                    + " WHERE customer_id = ? AND channel = 'sms' ORDER BY id DESC LIMIT 1",
                            stopped))
                    .as("the consent history shows the reply")
                    .containsExactly(Map.of("granted", false, "source", source, "recorded_by", "customer"));
            JsonNode sms = smsConsent(stopped);
            assertThat(sms.path("granted").asBoolean()).isFalse();
            assertThat(sms.path("source").asString()).isEqualTo(source);
        }
        assertThat(smsConsent(neighbour).path("granted").asBoolean()).isTrue();

        text(customer);

        assertThat(awaitSend(customer, 2)).isEqualTo("refused");
        assertThat(jdbc.queryForList("SELECT reason FROM send_skips WHERE customer_id = ?", String.class, customer))
                .containsExactly("consent_withdrawn");
        assertThat(textsTo(customer)).as("the text sent before the STOP only").hasSize(1);
    }

    @Test
    void aMessageTheProviderDeliversAgainIsActedOnOnce() {
        String phone = freshPhone();
        UUID customer = SmsJourneys.consentingCustomer(commerce, api, phone);
        String messageId = "SM" + UUID.randomUUID();

        HttpResponse<String> first = inbound(messageId, phone, "STOP");
        HttpResponse<String> again = inbound(messageId, phone, "STOP");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("outcome").asString()).isEqualTo("already_received");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM consent_changes WHERE customer_id = ? AND granted = false",
                        Long.class,
                        customer))
                .isEqualTo(1);
    }

    @Test
    void anOptOutFromANumberNoCustomerHoldsIsAnsweredWithoutEffect() {
        String messageId = "SM" + UUID.randomUUID();

        HttpResponse<String> answer = inbound(messageId, freshPhone(), "unsubscribe");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("outcome").asString()).isEqualTo("unknown_number");
        assertThat(jdbc.queryForObject(
                        "SELECT customers_matched FROM inbound_sms WHERE message_id = ?", Integer.class, messageId))
                .isZero();
    }

    @Test
    void aStartReplyDoesNotGiveConsentBack() {
        String phone = freshPhone();
        UUID customer = SmsJourneys.consentingCustomer(commerce, api, phone);
        inbound("SM" + UUID.randomUUID(), phone, "STOP");

        HttpResponse<String> answer = inbound("SM" + UUID.randomUUID(), phone, "START");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("outcome").asString()).isEqualTo("start_not_acted_on");
        assertThat(smsConsent(customer).path("granted").asBoolean()).isFalse();
    }

    @Test
    void refusesWith401WhatTheProviderDidNotSignAndActsOnNothing() {
        String phone = freshPhone();
        UUID customer = SmsJourneys.consentingCustomer(commerce, api, phone);
        String messageId = "SM" + UUID.randomUUID();
        byte[] body = body(messageId, phone, "STOP");
        String signature = SmsProviderSignatures.sign(SMS_PROVIDER_SECRET, body);

        List<HttpResponse<String>> refused = List.of(
                post(body, Map.of()),
                post(body, Map.of(InboundSmsController.PROVIDER_HEADER, SMS_PROVIDER)),
                post(
                        body,
                        headers(
                                SMS_PROVIDER,
                                SmsProviderSignatures.sign("another-secret-of-32-characters-long", body))),
                post(body, headers("another-provider", signature)),
                post(body(messageId, freshPhone(), "STOP"), headers(SMS_PROVIDER, signature)),
                post("not JSON at all".getBytes(StandardCharsets.UTF_8), Map.of()),
                // a platform token is no way in either
                post(body, Map.of("Authorization", "Bearer " + TestTokens.staff("admin", "ADMIN"))));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbound_sms WHERE message_id = ?", Long.class, messageId))
                .isZero();
        assertThat(smsConsent(customer).path("granted").asBoolean()).isTrue();
    }

    @Test
    void aStopWithThePunctuationOrEmojiAPhoneAddsWithdrawsSmsConsent() {
        String phone = freshPhone();
        UUID customer = SmsJourneys.consentingCustomer(commerce, api, phone);
        String messageId = "SM" + UUID.randomUUID();

        HttpResponse<String> answer = inbound(messageId, phone, "Stop! 🙏" + "!".repeat(300));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("outcome").asString()).isEqualTo("opted_out");
        assertThat(smsConsent(customer).path("granted").asBoolean()).isFalse();
        assertThat(smsConsent(customer).path("source").asString())
                .isEqualTo("SMS reply STOP via " + SMS_PROVIDER + " (message " + messageId + ")");
    }

    @Test
    void aStopFromANumberTheProviderWritesWithoutItsPlusReachesTheCustomersHoldingIt() {
        // foreign mobiles (the store is British), which the provider writes without their plus
        String digitsOnly = freshGermanMobile();
        String internationalPrefix = freshGermanMobile();
        UUID one = SmsJourneys.consentingCustomer(commerce, api, digitsOnly);
        UUID other = SmsJourneys.consentingCustomer(commerce, api, internationalPrefix);

        List<HttpResponse<String>> answers = List.of(
                inbound("SM" + UUID.randomUUID(), digitsOnly.substring(1), "STOP"),
                inbound("SM" + UUID.randomUUID(), "00" + internationalPrefix.substring(1), "STOP"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).path("outcome").asString()).isEqualTo("opted_out");
        });
        assertThat(smsConsent(one).path("granted").asBoolean()).isFalse();
        assertThat(smsConsent(other).path("granted").asBoolean()).isFalse();
    }

    @Test
    void aStopFromANationalNumberOfTheStoresCountryReachesTheCustomersHoldingIt() {
        // the store is British (the default region); a mobile number of its own for this test
        String subscriber = String.format(
                "%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
        UUID customer = SmsJourneys.consentingCustomer(commerce, api, "+447400" + subscriber);

        HttpResponse<String> answer = inbound("SM" + UUID.randomUUID(), "07400 " + subscriber, "STOP");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("outcome").asString()).isEqualTo("opted_out");
        assertThat(smsConsent(customer).path("granted").asBoolean()).isFalse();
    }

    @Test
    void aStopFromANumberThatReadsAsTwoMobilesWithdrawsSmsConsentOfTheHoldersOfEachAndAStartDoesNothing() {
        // in a German store, 1512 3xx xxxx is a German mobile without its trunk 0 and an American number (+1 512 3xx
        // xxxx) without its plus alike
        String written = "15123"
                + String.format(
                        "%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
        UUID german = SmsJourneys.consentingCustomer(commerce, api, "+49" + written);
        UUID american = SmsJourneys.consentingCustomer(commerce, api, "+" + written);
        UUID neighbour = SmsJourneys.consentingCustomer(commerce, api, freshGermanMobile());
        InboundSmsController germanStore = new InboundSmsController(
                signatures,
                replies,
                json,
                validator,
                new InboundSmsProperties(Map.of(SMS_PROVIDER, SMS_PROVIDER_SECRET), "DE"));
        String start = "SM" + UUID.randomUUID();
        String stop = "SM" + UUID.randomUUID();

        assertThat(outcome(germanStore, start, written, "START")).isEqualTo("unreadable");
        assertThat(smsConsent(german).path("granted").asBoolean()).isTrue();
        assertThat(outcome(germanStore, stop, written, "Stop.")).isEqualTo("opted_out_every_reading");

        String source = "SMS reply STOP via " + SMS_PROVIDER + " (message " + stop + ", a number read 2 ways)";
        for (UUID stopped : List.of(german, american)) {
            assertThat(smsConsent(stopped).path("granted").asBoolean()).isFalse();
            assertThat(smsConsent(stopped).path("source").asString()).isEqualTo(source);
        }
        assertThat(smsConsent(neighbour).path("granted").asBoolean()).isTrue();
        assertThat(jdbc.queryForMap("SELECT outcome, customers_matched FROM inbound_sms WHERE message_id = ?", stop))
                .isEqualTo(Map.of("outcome", "opted_out_every_reading", "customers_matched", 2));
        assertThat(outcome(germanStore, stop, written, "Stop.")).isEqualTo("already_received");
    }

    @Test
    void answersASignedTextItCannotReadWith200AndKeepsItsMessageIdSoItIsNotDeliveredForEver(CapturedOutput output) {
        String messageId = "SM" + UUID.randomUUID();
        // an American number without its country code, or a London landline: no mobile the store can be sure of
        byte[] nationalNumber = body(messageId, "(202) 555-0123", "STOP");

        HttpResponse<String> first = signed(nationalNumber);
        HttpResponse<String> again = signed(nationalNumber);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("message_id").asString()).isEqualTo(messageId);
        assertThat(JSON.readTree(first.body()).path("outcome").asString()).isEqualTo("unreadable");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("outcome").asString()).isEqualTo("already_received");
        assertThat(jdbc.queryForMap(
                        "SELECT outcome, customers_matched FROM inbound_sms WHERE message_id = ?", messageId))
                .isEqualTo(Map.of("outcome", "unreadable", "customers_matched", 0));
        assertThat(output.getAll())
                .as("logged by its message id and the field, never the number")
                .contains("SMS " + messageId + " via " + SMS_PROVIDER + " could not be read")
                .contains(
                        "invalid fields [from] (the sender's number must be a number with its plus, or a mobile number"
                                + " of GB")
                .doesNotContain("5550123")
                .doesNotContain("555-0123");
    }

    @Test
    void answersASignedBodyThatIsNoInboundTextAtAllWith200Unreadable() {
        List<byte[]> bodies = List.of(
                "{\"message_id\": \"SM1\", \"from\": ".getBytes(StandardCharsets.UTF_8),
                "message_id=SM1&from=447700900123&text=STOP".getBytes(StandardCharsets.UTF_8),
                "[\"STOP\"]".getBytes(StandardCharsets.UTF_8),
                "null".getBytes(StandardCharsets.UTF_8));

        assertThat(bodies).allSatisfy(body -> {
            HttpResponse<String> answer = signed(body);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).path("outcome").asString()).isEqualTo("unreadable");
        });
    }

    @Test
    void forgetsTheTextsReceivedLongerAgoThanTheRetentionAndStillKnowsARepeatOfANewerOne() {
        Instant now = Instant.now();
        String forgotten = "SM" + UUID.randomUUID();
        String alsoForgotten = "SM" + UUID.randomUUID();
        String kept = "SM" + UUID.randomUUID();
        receivedAt(forgotten, now.minus(retention.retention()).minus(Duration.ofDays(1)));
        receivedAt(alsoForgotten, now.minus(retention.retention()).minusSeconds(60));
        receivedAt(kept, now.minus(retention.retention()).plus(Duration.ofDays(1)));

        purge.runBatch();

        assertThat(jdbc.queryForList(
                        "SELECT message_id FROM inbound_sms WHERE message_id IN (?, ?, ?)",
                        String.class,
                        forgotten,
                        alsoForgotten,
                        kept))
                .containsExactly(kept);
        HttpResponse<String> repeat = inbound(kept, freshPhone(), "STOP");
        assertThat(JSON.readTree(repeat.body()).path("outcome").asString()).isEqualTo("already_received");
    }

    @Test
    void anErasureTakesThePhoneNumberWithTheProfile() {
        String phone = freshPhone();
        UUID customer = SmsJourneys.consentingCustomer(commerce, api, phone);

        PersonalData exported = personalData.export(customer);
        personalData.erase(customer);

        assertThat(exported.records().get("customer")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("phone", phone));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customers WHERE phone = ?", Long.class, phone))
                .isZero();
    }

    @Test
    void aStopDuringTheErasureOfTheNumbersHolderLeavesNoConsentOfThem() throws Exception {
        String phone = freshPhone();
        UUID customer = SmsJourneys.consentingCustomer(commerce, api, phone);
        String messageId = "SM" + UUID.randomUUID();

        // the erasure not yet committed, the customer still holds the number for whoever looks it up
        HttpResponse<String> answer = ErasureUnderWay.whileErasing(
                personalData, transactionManager, jdbc, customer, () -> inbound(messageId, phone, "STOP"));

        for (String table : List.of("customers", "consents", "consent_changes")) {
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM " + table + " WHERE customer_id = ?", Long.class, customer))
                    .as("nothing in %s under the erased customer's id", table)
                    .isZero();
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("outcome").asString())
                .as("nobody holds the number once the erasure is done")
                .isEqualTo("unknown_number");
        assertThat(jdbc.queryForObject(
                        "SELECT customers_matched FROM inbound_sms WHERE message_id = ?", Integer.class, messageId))
                .isZero();
    }

    private void receivedAt(String messageId, Instant at) {
        jdbc.update(
                "INSERT INTO inbound_sms (provider, message_id, outcome, customers_matched, received_at)"
                        + " VALUES (?, ?, 'opted_out', 1, ?)",
                SMS_PROVIDER,
                messageId,
                java.sql.Timestamp.from(at));
    }

    private void text(UUID customer) {
        api.put("/api/v1/campaigns/templates/sms/" + TEXT_TEMPLATE, Map.of("body", "Ten percent off today"));
        EmailJourneys.enrol(api, JourneyMother.createActive(api, SmsJourneys.texts(api, 1, TEXT_TEMPLATE)), customer);
    }

    /**
     * The settled status of the customer's nth send, once there is one: the latest send alone would be the earlier
     * one while the journey has not yet made the next.
     */
    private String awaitSend(UUID customer, int nth) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc
                                .queryForList(
                                        "SELECT status FROM sends WHERE customer_id = ? ORDER BY created_at OFFSET ?"
                                                + " LIMIT 1",
                                        String.class,
                                        customer,
                                        nth - 1)
                                .stream()
                                .findFirst()
                                .orElse("none"),
                        status -> status.equals("sent") || status.equals("refused"));
    }

    private List<SimulatedMessage> textsTo(UUID customer) {
        return sms.delivered().stream()
                .filter(message -> message.customerId().equals(customer))
                .toList();
    }

    private String phoneOf(UUID customer) {
        return jdbc.queryForObject("SELECT phone FROM customers WHERE customer_id = ?", String.class, customer);
    }

    private JsonNode smsConsent(UUID customer) {
        for (JsonNode consent :
                api.get("/api/v1/campaigns/consents/" + customer).body().path("consents")) {
            if (consent.path("channel").asString().equals("sms")) {
                return consent;
            }
        }
        throw new AssertionError("no sms consent for " + customer);
    }

    /** What the controller answers the provider's signed text with. */
    private static String outcome(InboundSmsController controller, String messageId, String from, String text) {
        byte[] body = body(messageId, from, text);
        Object answer = controller
                .receive(SMS_PROVIDER, SmsProviderSignatures.sign(SMS_PROVIDER_SECRET, body), body)
                .getBody();
        return ((InboundSmsResponse) answer).outcome();
    }

    private HttpResponse<String> inbound(String messageId, String from, String text) {
        return signed(body(messageId, from, text));
    }

    private HttpResponse<String> signed(byte[] body) {
        return post(body, headers(SMS_PROVIDER, SmsProviderSignatures.sign(SMS_PROVIDER_SECRET, body)));
    }

    private static byte[] body(String messageId, String from, String text) {
        return JSON.writeValueAsBytes(Map.of("message_id", messageId, "from", from, "text", text));
    }

    private static Map<String, String> headers(String provider, String signature) {
        return Map.of(InboundSmsController.PROVIDER_HEADER, provider, InboundSmsController.SIGNATURE_HEADER, signature);
    }

    private HttpResponse<String> post(byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port() + "/api/v1/campaigns/sms/inbound"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String freshGermanMobile() {
        return "+49151"
                + String.format(
                        "%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
