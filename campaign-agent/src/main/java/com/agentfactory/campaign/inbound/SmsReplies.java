package com.agentfactory.campaign.inbound;

import com.agentfactory.campaign.consent.ContactPermissions;
import com.agentfactory.campaign.customer.CustomerReadModel;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acts on a customer's reply to a text. Every marketing text says "Reply STOP to opt out", so an opt-out word
 * withdraws the SMS consent of every customer holding the sender's number (a household may share one): the number is
 * all the reply says about who sent it. START is only logged: consent to be texted again is the customer's to give
 * where they are known to be themselves, not a word anyone holding the number could send. A number no customer holds
 * changes nothing. A STOP from a number that reads as several mobile numbers withdraws the SMS consent of the holders
 * of each: withdrawn from the wrong customer, consent can be given again, while a STOP not acted on leaves its sender
 * texted against their word. Each provider message is acted on once; the claim and its effect share a transaction.
 */
@Service
class SmsReplies {

    static final String OPTED_OUT = "opted_out";
    static final String OPTED_OUT_EVERY_READING = "opted_out_every_reading";
    static final String UNKNOWN_NUMBER = "unknown_number";
    static final String START_NOT_ACTED_ON = "start_not_acted_on";
    static final String NOT_A_KEYWORD = "not_a_keyword";
    static final String ALREADY_RECEIVED = "already_received";
    static final String UNREADABLE = "unreadable";

    private static final Logger log = LoggerFactory.getLogger(SmsReplies.class);

    private final InboundSmsLog received;
    private final CustomerReadModel customers;
    private final ContactPermissions permissions;
    private final Clock clock;

    SmsReplies(InboundSmsLog received, CustomerReadModel customers, ContactPermissions permissions, Clock clock) {
        this.received = received;
        this.customers = customers;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** @return what became of the text, one of the outcomes above */
    @Transactional
    public String receive(String provider, InboundSms sms) {
        if (!received.claim(provider, sms.messageId(), clock.instant())) {
            return ALREADY_RECEIVED;
        }
        String outcome =
                switch (SmsKeyword.of(sms.text())) {
                    case OPT_OUT -> optOut(provider, sms);
                    case OPT_IN -> {
                        log.info(
                                "SMS {} via {} asked to be texted again (START); not acted on: the customer consents"
                                        + " again through the shop",
                                sms.messageId(),
                                provider);
                        yield START_NOT_ACTED_ON;
                    }
                    case NONE -> NOT_A_KEYWORD;
                };
        received.settle(provider, sms.messageId(), outcome);
        return outcome;
    }

    /**
     * An opt-out from a number that reads as each of {@code readings} (E.164): acted on for the holders of every one.
     *
     * @return {@link #OPTED_OUT_EVERY_READING} when it reached a customer, {@link #UNKNOWN_NUMBER} when no customer
     *     holds any of the readings, or {@link #ALREADY_RECEIVED}
     */
    @Transactional
    public String receiveOptOut(String provider, InboundSms sms, Set<String> readings) {
        if (!received.claim(provider, sms.messageId(), clock.instant())) {
            return ALREADY_RECEIVED;
        }
        Set<UUID> holders = new LinkedHashSet<>();
        readings.forEach(reading -> holders.addAll(customers.holdersOf(reading)));
        int optedOut = optOut(provider, sms, List.copyOf(holders), ", a number read " + readings.size() + " ways");
        String outcome = optedOut == 0 ? UNKNOWN_NUMBER : OPTED_OUT_EVERY_READING;
        received.settle(provider, sms.messageId(), outcome);
        return outcome;
    }

    /**
     * Records a signed message that could not be read, under its message id when it has one, so that it is answered as
     * received and not delivered again for ever; a person reads the log to tell the provider.
     *
     * @param messageId the provider's id of the message, null when the body did not give one
     * @param why what could not be read, without the body's content (the sender's number stays out of the logs)
     * @return {@link #UNREADABLE}, or {@link #ALREADY_RECEIVED} for a message received before
     */
    @Transactional
    public String unreadable(String provider, String messageId, String why) {
        if (messageId != null && !received.claim(provider, messageId, clock.instant())) {
            return ALREADY_RECEIVED;
        }
        if (messageId != null) {
            received.settle(provider, messageId, UNREADABLE);
        }
        log.warn("SMS {} via {} could not be read and was not acted on: {}", messageId, provider, why);
        return UNREADABLE;
    }

    private String optOut(String provider, InboundSms sms) {
        int optedOut = optOut(provider, sms, customers.holdersOf(sms.from()), "");
        return optedOut == 0 ? UNKNOWN_NUMBER : OPTED_OUT;
    }

    /** Withdraws the holders' SMS consent; returns how many were opted out. */
    private int optOut(String provider, InboundSms sms, List<UUID> holders, String howRead) {
        // the keyword, not the text: "Stop!!!" padded out to the text's length would not fit the consent history
        String source = "SMS reply " + SmsKeyword.word(sms.text()) + " via " + provider + " (message " + sms.messageId()
                + howRead + ")";
        // a holder erased since the look-up is no longer one
        int optedOut = (int) holders.stream()
                .filter(customer -> permissions.smsOptOut(customer, source))
                .count();
        received.matched(provider, sms.messageId(), optedOut);
        // the message id, not the number: logs are kept longer than an erasure reaches
        log.info("SMS {} via {} opted out {} customer(s){}", sms.messageId(), provider, optedOut, howRead);
        return optedOut;
    }
}
