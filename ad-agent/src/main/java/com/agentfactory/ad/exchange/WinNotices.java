package com.agentfactory.ad.exchange;

import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.error.RuleViolationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed win notice URLs. The nurl of a bid carries, in its token, the bid id, campaign, creative, the bid's price
 * (the most the exchange may charge), when the bid was made, the exchange it was made to and the customer the bid
 * request named, with an HMAC-SHA256 over them: a win notice is accepted only for a bid the agent made, from the
 * exchange it bid on, at no more than it bid, and not long after, and its impression is recorded for the customer the
 * bid was made for, never one the notice names. Nothing is stored per bid, so the bid path writes nothing; a notice
 * sent again is told apart by its bid id when the win is recorded.
 */
@Component
class WinNotices {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String ALGORITHM = "HmacSHA256";
    private static final String PURPOSE = "win";

    private final WinNoticeProperties properties;
    private final Mac prototype;

    WinNotices(WinNoticeProperties properties) {
        this.properties = properties;
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * What a verified token says about the bid it was issued for.
     *
     * @param exchange the exchange the bid was made to; null when the bid path did not know it (or for a token signed
     *     before tokens named it), and then any exchange may notify the win
     * @param customerId the store customer the bid request's user id named; null when it named none (or for a token
     *     signed before tokens named the customer)
     */
    record SignedBid(
            String bidId,
            UUID campaignId,
            UUID creativeId,
            BigDecimal priceCpm,
            Instant issuedAt,
            String exchange,
            UUID customerId) {}

    /** The win notice URL of a bid: the configured URL with the bid's token as {@code t}. */
    String nurl(
            String bidId,
            UUID campaignId,
            UUID creativeId,
            double priceCpm,
            Instant issuedAt,
            String exchange,
            UUID customerId) {
        return properties.url() + "?t="
                + token(bidId, campaignId, creativeId, priceCpm, issuedAt, exchange, customerId);
    }

    /** The token of a nurl this agent made (its only parameter, URL-safe as it is). */
    static String tokenOf(String nurl) {
        return nurl.substring(nurl.indexOf("?t=") + "?t=".length());
    }

    String token(
            String bidId,
            UUID campaignId,
            UUID creativeId,
            double priceCpm,
            Instant issuedAt,
            String exchange,
            UUID customerId) {
        String payload = String.join(
                "\n",
                PURPOSE,
                bidId,
                campaignId.toString(),
                creativeId.toString(),
                BigDecimal.valueOf(priceCpm).toPlainString(),
                Long.toString(issuedAt.toEpochMilli()),
                exchange == null ? "" : exchange,
                customerId == null ? "" : customerId.toString());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /**
     * Checks a win notice against the token of its nurl.
     *
     * @param exchange the exchange that sent the notice, as its key says
     * @throws NotPermittedException when the token was not issued by the agent, names another bid, campaign or
     *     creative than the notice, or was issued for a bid on another exchange
     * @throws RuleViolationException when the clearing price is above the bid or the bid is too old to be won now
     */
    SignedBid verify(String token, WinNotice notice, Instant now, String exchange) {
        SignedBid bid = read(token);
        if (!bid.bidId().equals(notice.bidId())
                || !bid.campaignId().equals(notice.campaignId())
                || !bid.creativeId().equals(notice.creativeId())) {
            throw new NotPermittedException("The win notice names another bid than its signed nurl.");
        }
        if (bid.exchange() != null && !bid.exchange().equals(exchange)) {
            throw new NotPermittedException("The bid of this win notice was made to another exchange.");
        }
        if (notice.price().compareTo(bid.priceCpm()) > 0) {
            throw RuleViolationException.of(
                    "price", "above the bid's price of " + bid.priceCpm().toPlainString());
        }
        if (now.isAfter(bid.issuedAt().plus(properties.window()))) {
            throw RuleViolationException.of("t", "the bid is older than a win notice may be");
        }
        return bid;
    }

    private SignedBid read(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 2 || token.length() > 1024) {
            throw forged();
        }
        try {
            byte[] payload = DECODER.decode(parts[0]);
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(parts[1]))) {
                throw forged();
            }
            String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            // six fields: signed before tokens named the exchange, seven before they named the customer, still in
            // flight
            // for a window after an upgrade
            if (fields.length < 6 || fields.length > 8 || !PURPOSE.equals(fields[0])) {
                throw forged();
            }
            return new SignedBid(
                    fields[1],
                    UUID.fromString(fields[2]),
                    UUID.fromString(fields[3]),
                    new BigDecimal(fields[4]),
                    Instant.ofEpochMilli(Long.parseLong(fields[5])),
                    fields.length >= 7 && !fields[6].isEmpty() ? fields[6] : null,
                    fields.length == 8 && !fields[7].isEmpty() ? UUID.fromString(fields[7]) : null);
        } catch (IllegalArgumentException e) {
            // also NumberFormatException: only a token the agent signed gets this far, so this is not expected
            throw forged();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            // an initialised Mac is not thread-safe; a clone of one costs far less than a new one
            Mac mac = (Mac) prototype.clone();
            return mac.doFinal(payload);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    private static NotPermittedException forged() {
        return new NotPermittedException("The win notice's nurl token (t) is not one this agent signed.");
    }
}
