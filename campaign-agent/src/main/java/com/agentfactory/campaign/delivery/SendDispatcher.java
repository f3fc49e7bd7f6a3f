package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.campaign.CampaignSending;
import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.consent.ContactPermissions;
import com.agentfactory.campaign.consent.ContactRefusal;
import com.agentfactory.campaign.customer.CustomerReadModel;
import com.agentfactory.campaign.pacing.Deferral;
import com.agentfactory.campaign.pacing.SendPacing;
import com.agentfactory.campaign.polling.BatchPoller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers what the sends table holds. Each send is claimed under a lease, which is renewed (if this claim still
 * holds it) just before the send is delivered, when its attempt is counted, and then all the while it is (see
 * {@link LeaseKeeper}). A send of a deactivated journey is refused; then its campaign is asked whether it sends now
 * (a paused campaign's sends are held out of the claims until it resumes, an ended one's are refused), then consent
 * and suppression are checked (no send without consent; a refusal is stored with its reason), then quiet hours and
 * frequency caps (a send that must wait is put back with the time it may go, and the skip stored), then the message
 * is rendered (with the customer's product list when its template shows one, or the fallback: see
 * {@link ProductLists}), then the channel is called with the send's id as idempotency key, then the send is marked
 * sent. A hard bounce is final and suppresses the customer on the channel (while the address is still theirs); any
 * other failure before the channel accepted the message is retried with back-off and given up after the configured
 * attempts. Nothing after the acceptance is retried.
 */
@Component
class SendDispatcher extends BatchPoller {

    private static final Logger log = LoggerFactory.getLogger(SendDispatcher.class);
    private static final String CAMPAIGN_CLOSED = "campaign_closed";
    private static final String JOURNEY_INACTIVE = "journey_inactive";

    private final Sends sends;
    private final SendEvents events;
    private final DeliveryMetrics metrics;
    private final MessageTemplates templates;
    private final ProductLists products;
    private final ContactPermissions permissions;
    private final SendPacing pacing;
    private final HardBounces bounces;
    private final CustomerReadModel customers;
    private final EmailSender email;
    private final SimulatedSmsGateway sms;
    private final SimulatedPushGateway push;
    private final WebhookClient webhooks;
    private final CampaignSending campaigns;
    private final DeliveryProperties properties;
    private final Clock clock;
    // the poller's thread only
    private Instant nextHoldCheck = Instant.MIN;

    SendDispatcher(
            Sends sends,
            SendEvents events,
            DeliveryMetrics metrics,
            MessageTemplates templates,
            ProductLists products,
            ContactPermissions permissions,
            SendPacing pacing,
            HardBounces bounces,
            CustomerReadModel customers,
            EmailSender email,
            SimulatedSmsGateway sms,
            SimulatedPushGateway push,
            WebhookClient webhooks,
            CampaignSending campaigns,
            DeliveryProperties properties,
            Clock clock) {
        super("send-dispatcher");
        this.sends = sends;
        this.events = events;
        this.metrics = metrics;
        this.templates = templates;
        this.products = products;
        this.permissions = permissions;
        this.pacing = pacing;
        this.bounces = bounces;
        this.customers = customers;
        this.email = email;
        this.sms = sms;
        this.push = push;
        this.webhooks = webhooks;
        this.campaigns = campaigns;
        this.properties = properties;
        this.clock = clock;
    }

    /** Delivers one batch of due sends; returns how many it claimed. */
    int dispatchDue() {
        List<ClaimedSend> claimed = sends.claim(clock.instant(), properties.batchSize(), properties.lease());
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    void deliver(ClaimedSend claimed) {
        // the batch's lease may have run out while the sends before this one were delivered; then this is no attempt
        Optional<ClaimedSend> tried = sends.startAttempt(claimed, clock.instant(), properties.lease());
        if (tried.isEmpty()) {
            log.info(
                    "Send {} was claimed by another dispatcher after this one's lease ran out; left to it",
                    claimed.id());
            return;
        }
        ClaimedSend send = tried.get();
        boolean accepted;
        try (LeaseKeeper _ = LeaseKeeper.start(
                send.id().toString(),
                properties.lease().dividedBy(3),
                () -> sends.renew(send, clock.instant(), properties.lease()))) {
            accepted = attempt(send);
        } catch (HardBounceException e) {
            // retrying cannot help, and sending on to an address that does not exist harms the sender's reputation
            log.info("Send {} bounced: {}", send.id(), e.reply());
            bounces.record(send, Channel.EMAIL, e.address(), e.reply());
            metrics.bounced(send.channel());
            return;
        } catch (MissingTemplateException e) {
            sends.fail(send, e.getMessage());
            metrics.failed(send.channel());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            if (send.attempts() >= properties.maxAttempts()) {
                log.warn("Send {} failed for good after {} attempts: {}", send.id(), send.attempts(), e.toString());
                sends.fail(send, e.toString());
                metrics.failed(send.channel());
            } else {
                Duration backOff = Duration.ofSeconds(1L << Math.min(send.attempts(), 10));
                if (!sends.retryLater(send, clock.instant().plus(backOff), e.toString())) {
                    log.info(
                            "Send {} failed after another dispatcher claimed it; its outcome is left to that one",
                            send.id());
                }
            }
            return;
        }
        if (accepted) {
            recordDelivery(send);
        }
    }

    /** Checks, renders and hands the send to its channel; true when the channel accepted it. */
    private boolean attempt(ClaimedSend send) throws Exception {
        if (stopped(send) || held(send)) {
            return false;
        }
        Optional<ContactRefusal> refusal = refusal(send);
        if (refusal.isPresent()) {
            sends.refuse(send, refusal.get().code(), refusal.get().reason(), clock.instant());
            metrics.skipped(send.channel(), refusal.get().code());
            return false;
        }
        if (isCustomerChannel(send)) {
            Optional<Deferral> deferral = pacing.admit(send.id(), send.customerId(), send.channel(), clock.instant());
            if (deferral.isPresent()) {
                Deferral wait = deferral.get();
                sends.defer(send, wait.reason(), wait.detail(), wait.until(), clock.instant());
                metrics.skipped(send.channel(), wait.reason());
                return false;
            }
        }
        Map<String, Object> variables = new HashMap<>(send.variables());
        Optional<Map<String, Object>> profile = customers.profile(send.customerId());
        profile.ifPresent(fields -> fields.forEach(variables::putIfAbsent));
        switch (send.channel()) {
            case "email" -> {
                Optional<String> address = profile.map(fields -> (String) fields.get("email"));
                if (address.isEmpty() || address.get().isBlank()) {
                    sends.refuse(send, "no_address", "the customer has no e-mail address", clock.instant());
                    metrics.skipped(send.channel(), "no_address");
                    return false;
                }
                email.send(send, address.get(), withProducts(send, variables), variables);
            }
            case "sms" -> {
                Optional<String> phone = profile.map(fields -> (String) fields.get("phone"));
                if (phone.isEmpty() || phone.get().isBlank()) {
                    sends.refuse(send, "no_address", "the customer has no phone number", clock.instant());
                    metrics.skipped(send.channel(), "no_address");
                    return false;
                }
                sms.send(
                        send.id(),
                        send.customerId(),
                        phone.get(),
                        SmsOptOut.appendTo(TemplateRenderer.text(
                                withProducts(send, variables).body(), variables)));
            }
            case "push" ->
                push.send(
                        send.id(),
                        send.customerId(),
                        TemplateRenderer.text(withProducts(send, variables).body(), variables));
            case "webhook" -> webhooks.post(send, variables);
            default -> {
                sends.fail(send, "unknown channel " + send.channel());
                metrics.failed(send.channel());
                return false;
            }
        }
        return true;
    }

    /**
     * A send of a journey deactivated since the send was queued (waiting for quiet hours to end, a cap, a paused
     * campaign, a retry) is refused, not held: deactivating is how a journey outside any campaign is stopped when it
     * sends the wrong thing, and held sends would all go out at once, stale, should it ever be activated again.
     */
    private boolean stopped(ClaimedSend send) {
        if (!sends.journeyDeactivated(send)) {
            return false;
        }
        sends.refuse(send, JOURNEY_INACTIVE, "journey " + send.journeyId() + " was deactivated", clock.instant());
        metrics.skipped(send.channel(), JOURNEY_INACTIVE);
        return true;
    }

    /**
     * A send of a campaign that does not send now: held while the campaign may still send (not launched yet,
     * paused), until {@link #releaseHeldSends} finds it sends again; refused with the reason once it never will
     * (over).
     */
    private boolean held(ClaimedSend send) {
        if (send.campaignId() == null) {
            return false;
        }
        return switch (campaigns.permission(send.campaignId())) {
            case OPEN -> false;
            case HELD -> {
                sends.hold(send, "campaign " + send.campaignId() + " is paused or not launched yet");
                yield true;
            }
            case CLOSED -> {
                sends.refuse(send, CAMPAIGN_CLOSED, "campaign " + send.campaignId() + " is over", clock.instant());
                metrics.skipped(send.channel(), CAMPAIGN_CLOSED);
                yield true;
            }
        };
    }

    /**
     * The channel has the message, so nothing from here on may lead to it being sent again. The send is marked
     * sent with its touchpoint in one transaction; should that fail, it is marked sent on its own, giving up the
     * touchpoint rather than have the customer get the message again on every retry.
     */
    private void recordDelivery(ClaimedSend send) {
        Instant at = clock.instant();
        try {
            if (!events.delivered(send, at)) {
                log.info(
                        "Send {} was accepted by its channel after it was settled otherwise (the customer erased or"
                                + " another dispatcher's claim); that outcome stands",
                        send.id());
            }
        } catch (RuntimeException e) {
            log.error(
                    "Send {} was accepted by its channel but its delivery could not be recorded with its"
                            + " touchpoint; marking it sent without",
                    send.id(),
                    e);
            try {
                sends.markSent(send, at);
            } catch (RuntimeException again) {
                // as a crash here would: the lease runs out and the send goes again, with the same id (ADR 0006)
                log.error("Send {} was accepted by its channel but could not be marked sent", send.id(), again);
            }
        }
        metrics.sent(send.channel());
    }

    // webhooks go to the business's own systems, not to the customer, so consent does not apply to them
    private Optional<ContactRefusal> refusal(ClaimedSend send) {
        return Channel.fromWireName(send.channel()).flatMap(channel -> permissions.refusal(send.customerId(), channel));
    }

    private static boolean isCustomerChannel(ClaimedSend send) {
        return Channel.fromWireName(send.channel()).isPresent();
    }

    /** The send's template, its product list added to the variables when it shows one. */
    private MessageTemplate withProducts(ClaimedSend send, Map<String, Object> variables) {
        MessageTemplate template = template(send);
        if (products.addTo(variables, template, send.customerId()) == ProductLists.Outcome.FALLBACK) {
            metrics.recommendationsFellBack(send.channel());
        }
        return template;
    }

    private MessageTemplate template(ClaimedSend send) {
        return templates
                .find(send.channel(), send.templateId())
                .orElseThrow(() -> new MissingTemplateException(send.channel(), send.templateId()));
    }

    @Override
    protected void beforeBatches() {
        Instant now = clock.instant();
        if (now.isBefore(nextHoldCheck)) {
            return;
        }
        nextHoldCheck = now.plus(properties.campaignHoldRecheck());
        try {
            releaseHeldSends();
        } catch (RuntimeException e) {
            // the due sends go out all the same; the held ones are looked at again at the next check
            log.warn("Could not look for held sends whose campaign sends again", e);
        }
    }

    /**
     * Makes due again the held sends of each journey whose campaign no longer holds them: resumed (or launched),
     * over, or the journey no longer in a campaign; and of a journey deactivated meanwhile, whose sends are then
     * refused rather than kept until the campaign goes on. They are claimed and checked as any other send, consent,
     * quiet hours and frequency caps included. A send held just after its campaign resumed is released at the next
     * check.
     */
    void releaseHeldSends() {
        Map<UUID, CampaignSending.Permission> asked = new HashMap<>();
        for (Sends.HeldJourney held : sends.heldJourneys()) {
            boolean stillHeld = held.active()
                    && held.campaignId() != null
                    && asked.computeIfAbsent(held.campaignId(), campaigns::permission)
                            == CampaignSending.Permission.HELD;
            if (!stillHeld) {
                int released = sends.release(held.journeyId(), clock.instant());
                log.info(
                        "Released {} held sends of journey {} (campaign {})",
                        released,
                        held.journeyId(),
                        held.campaignId());
            }
        }
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected Duration pollInterval() {
        return properties.pollInterval();
    }

    @Override
    protected int batchSize() {
        return properties.batchSize();
    }

    @Override
    protected int runBatch() {
        return dispatchDue();
    }

    private static final class MissingTemplateException extends RuntimeException {
        MissingTemplateException(String channel, String templateId) {
            super("no " + channel + " template '" + templateId + "'");
        }
    }
}
