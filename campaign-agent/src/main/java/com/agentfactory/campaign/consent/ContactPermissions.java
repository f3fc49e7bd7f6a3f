package com.agentfactory.campaign.consent;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.customer.CustomerReadModel;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the sending side asks of consent: may we contact this customer now, and record an unsubscribe. */
@Component
public class ContactPermissions {

    /** Who a hard bounce's suppression is recorded as made by. */
    public static final String BOUNCE_SUPPRESSOR = "bounce";

    // suppressions.reason is VARCHAR(500)
    static final int MAX_REASON_LENGTH = 500;

    private final ContactPolicy policy;
    private final ConsentRepository consents;
    private final CustomerReadModel customers;
    private final Clock clock;

    ContactPermissions(ContactPolicy policy, ConsentRepository consents, CustomerReadModel customers, Clock clock) {
        this.policy = policy;
        this.consents = consents;
        this.customers = customers;
        this.clock = clock;
    }

    /** Why the customer may not be contacted on the channel now, or empty when they may. */
    public Optional<ContactRefusal> refusal(UUID customerId, Channel channel) {
        ContactDecision decision = policy.mayContact(customerId, channel);
        return decision.allowed()
                ? Optional.empty()
                : Optional.of(new ContactRefusal(decision.code(), decision.reason()));
    }

    /**
     * A one-click unsubscribe: the customer is suppressed on the channel from now on, whatever consent says. A customer
     * not known (erased since the message went out, their link still in an old e-mail) is left as they are: nothing
     * is sent to them any more, and a suppression would keep their id after the erasure. The customer's row stays
     * locked until the suppression commits, so an erasure under way either deletes the suppression too or has
     * deleted the customer before we look.
     *
     * @return whether a suppression was recorded
     */
    @Transactional
    public boolean unsubscribe(UUID customerId, Channel channel, String how) {
        if (!customers.lockIfKnown(customerId)) {
            return false;
        }
        consents.suppress(new Suppression(customerId, channel.wireName(), how, "customer", clock.instant()));
        return true;
    }

    /**
     * The customer texted STOP (or another opt-out word) from their number: their SMS consent is withdrawn, with where
     * the reply came from as its source, so the consent history shows it. Consent, not a suppression: texting again
     * needs the customer to consent again, which they may do themselves, while a suppression only staff could lift.
     * A customer erased since the number was looked up is left as they are, as an unsubscribe leaves them, and the
     * row lock keeps an erasure under way from missing the withdrawal.
     *
     * @return whether the withdrawal was recorded
     */
    @Transactional
    public boolean smsOptOut(UUID customerId, String source) {
        if (!customers.lockIfKnown(customerId)) {
            return false;
        }
        consents.record(new ConsentRecord(customerId, Channel.SMS, false, source, "customer", clock.instant()));
        return true;
    }

    /**
     * The customer gave a new address on the channel: a hard bounce was the old address's, so its suppression is
     * lifted. Suppressions for any other reason stay.
     */
    @Transactional
    public void addressChanged(UUID customerId, Channel channel) {
        consents.liftBy(customerId, channel.wireName(), BOUNCE_SUPPRESSOR);
    }

    /**
     * The customer's address on the channel was refused for good (a hard bounce): they are suppressed on it, so no
     * further message goes to an address that does not exist, which mailbox providers count against the sender.
     * Only while the refused address is still theirs: the message was addressed when it was sent, and a new address
     * the customer gave meanwhile had no bounce suppression to lift then ({@link #addressChanged}), so suppressing
     * now would silence the address that works. A suppression the customer or staff made stays as it is, so a later
     * address change does not lift it. A customer erased since the message was claimed is left as they are, as an
     * unsubscribe leaves them, and the row lock keeps an erasure under way from missing the suppression.
     *
     * <p>Call it before changing the send: the erasure locks the customer before it changes their sends, so taking
     * the send's row first could deadlock with it.
     *
     * @return whether the customer was suppressed
     */
    @Transactional
    public boolean hardBounced(UUID customerId, Channel channel, String address, String reply) {
        if (!customers.lockIfKnown(customerId) || !isTheirAddress(customerId, channel, address)) {
            return false;
        }
        consents.suppressUnlessSuppressed(
                new Suppression(
                        customerId,
                        channel.wireName(),
                        fitted("hard bounce: " + reply),
                        BOUNCE_SUPPRESSOR,
                        clock.instant()),
                BOUNCE_SUPPRESSOR);
        return true;
    }

    /**
     * Read under the customer's row lock: a profile change committed before the lock was granted is seen here, and
     * one that comes after waits for the suppression and then lifts it as the old address's. Addresses are compared
     * as the read model compares them when it tells a change. A push has no address of the customer's to compare.
     */
    private boolean isTheirAddress(UUID customerId, Channel channel, String address) {
        String field =
                switch (channel) {
                    case EMAIL -> "email";
                    case SMS -> "phone";
                    case PUSH -> null;
                };
        if (field == null) {
            return true;
        }
        return customers
                .profile(customerId)
                .map(profile -> profile.get(field))
                .filter(current -> current instanceof String held && held.equalsIgnoreCase(address))
                .isPresent();
    }

    // the server's reply is as long as it likes; cut whole characters, never half of a surrogate pair
    private static String fitted(String reason) {
        return reason.codePointCount(0, reason.length()) <= MAX_REASON_LENGTH
                ? reason
                : reason.substring(0, reason.offsetByCodePoints(0, MAX_REASON_LENGTH - 3)) + "...";
    }
}
