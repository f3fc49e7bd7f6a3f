package com.agentfactory.ad.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.error.RuleViolationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WinNoticesTest {

    private static final Instant BID_AT = Instant.parse("2026-12-06T23:59:58Z");
    private static final String BID_ID = "bid-1";
    private static final UUID CAMPAIGN = UUID.randomUUID();
    private static final UUID CREATIVE = UUID.randomUUID();
    private static final String EXCHANGE = "adx";

    private final WinNotices notices = notices("the-agent-s-own-win-notice-secret");
    private final String token = notices.token(BID_ID, CAMPAIGN, CREATIVE, 4.25, BID_AT, EXCHANGE, null);

    @Test
    void acceptsTheNoticeOfABidItSignedAtUpToTheBidsPrice() {
        var bid = notices.verify(token, notice(CAMPAIGN, CREATIVE, "4.25"), BID_AT.plusSeconds(5), EXCHANGE);

        assertThat(bid.priceCpm()).isEqualByComparingTo("4.25");
        assertThat(bid.issuedAt()).isEqualTo(BID_AT);
        String nurl = notices.nurl(BID_ID, CAMPAIGN, CREATIVE, 4.25, BID_AT, EXCHANGE, null);
        assertThat(nurl).isEqualTo("https://ads.example/win?t=" + token);
        assertThat(WinNotices.tokenOf(nurl)).isEqualTo(token);
    }

    @Test
    void vouchesForTheCustomerTheBidWasMadeForAndNoOtherOnce() {
        UUID customer = UUID.randomUUID();
        String forCustomer = notices.token(BID_ID, CAMPAIGN, CREATIVE, 4.25, BID_AT, EXCHANGE, customer);
        String[] parts = forCustomer.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String renamed = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace(
                                        customer.toString(), UUID.randomUUID().toString())
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[1];

        assertThat(notices.verify(forCustomer, notice(CAMPAIGN, CREATIVE, "4.25"), BID_AT, EXCHANGE)
                        .customerId())
                .isEqualTo(customer);
        assertThat(notices.verify(token, notice(CAMPAIGN, CREATIVE, "4.25"), BID_AT, EXCHANGE)
                        .customerId())
                .isNull();
        assertThatThrownBy(() -> notices.verify(renamed, notice(CAMPAIGN, CREATIVE, "1"), BID_AT, EXCHANGE))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void takesATokenSignedBeforeTokensNamedTheCustomerAsNamingNone() throws Exception {
        String payload = String.join(
                "\n",
                "win",
                BID_ID,
                CAMPAIGN.toString(),
                CREATIVE.toString(),
                "4.25",
                Long.toString(BID_AT.toEpochMilli()),
                EXCHANGE);
        String older = signed(payload);

        var bid = notices.verify(older, notice(CAMPAIGN, CREATIVE, "4.25"), BID_AT, EXCHANGE);

        assertThat(bid.exchange()).isEqualTo(EXCHANGE);
        assertThat(bid.customerId()).isNull();
    }

    @Test
    void refusesATokenSignedWithAnotherSecretOrNoTokenAtAll() {
        String foreign = notices("someone-else-s-win-notice-secret")
                .token(BID_ID, CAMPAIGN, CREATIVE, 4.25, BID_AT, EXCHANGE, null);

        assertThatThrownBy(() -> notices.verify(foreign, notice(CAMPAIGN, CREATIVE, "1"), BID_AT, EXCHANGE))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> notices.verify(null, notice(CAMPAIGN, CREATIVE, "1"), BID_AT, EXCHANGE))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> notices.verify("not.a-token", notice(CAMPAIGN, CREATIVE, "1"), BID_AT, EXCHANGE))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void refusesANoticeForAnotherCampaignOrCreativeThanTheSignedBid() {
        assertThatThrownBy(() -> notices.verify(token, notice(UUID.randomUUID(), CREATIVE, "1"), BID_AT, EXCHANGE))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> notices.verify(token, notice(CAMPAIGN, UUID.randomUUID(), "1"), BID_AT, EXCHANGE))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void refusesTheNoticeOfABidMadeToAnotherExchange() {
        assertThatThrownBy(() -> notices.verify(token, notice(CAMPAIGN, CREATIVE, "1"), BID_AT, "another-exchange"))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("another exchange");
    }

    @Test
    void refusesAPriceAboveTheSignedBid() {
        assertThatThrownBy(() -> notices.verify(token, notice(CAMPAIGN, CREATIVE, "4.2501"), BID_AT, EXCHANGE))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("4.25");
    }

    @Test
    void refusesANoticeOlderThanTheWindow() {
        assertThatThrownBy(() -> notices.verify(
                        token,
                        notice(CAMPAIGN, CREATIVE, "1"),
                        BID_AT.plus(Duration.ofMinutes(10)).plusMillis(1),
                        EXCHANGE))
                .isInstanceOf(RuleViolationException.class);
    }

    /** A token as the agent would sign this payload with its secret. */
    private static String signed(String payload) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("the-agent-s-own-win-notice-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var encoder = Base64.getUrlEncoder().withoutPadding();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return encoder.encodeToString(bytes) + "." + encoder.encodeToString(mac.doFinal(bytes));
    }

    private static WinNotices notices(String secret) {
        return new WinNotices(new WinNoticeProperties(
                secret, "https://ads.example/win", Duration.ofMinutes(10), Duration.ofMinutes(2)));
    }

    private static WinNotice notice(UUID campaign, UUID creative, String price) {
        return new WinNotice(BID_ID, campaign, creative, new BigDecimal(price));
    }
}
