package com.agentfactory.campaign.consent;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.customer.CustomerReadModel;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records consent and suppressions for known customers; every change is kept with who made it, when and from where. */
@Service
class ConsentService {

    private final ConsentRepository consents;
    private final CustomerReadModel customers;
    private final Clock clock;

    ConsentService(ConsentRepository consents, CustomerReadModel customers, Clock clock) {
        this.consents = consents;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public ConsentsResponse update(UUID customerId, UpdateConsentsRequest request, Caller caller) {
        checkAccess(customerId, caller);
        checkChannelsOnce(request.consents());
        lockKnown(customerId);
        Instant now = clock.instant();
        for (ChannelConsentRequest consent : request.consents()) {
            consents.record(new ConsentRecord(
                    customerId,
                    Channel.of(consent.channel(), "consents.channel"),
                    consent.granted(),
                    consent.source().strip(),
                    caller.actorName(),
                    now));
        }
        return view(customerId, caller);
    }

    /** The customer's own time zone for quiet hours; null clears it, so the store's zone applies. */
    @Transactional
    public ConsentsResponse setTimeZone(UUID customerId, SetTimeZoneRequest request, Caller caller) {
        checkAccess(customerId, caller);
        String zone = request.timeZone() == null ? null : request.timeZone().strip();
        if (zone != null) {
            try {
                // stored as Java names it, so an offset given as "+5" is kept as "+05:00"
                zone = ZoneId.of(zone).getId();
            } catch (DateTimeException e) {
                throw RuleViolationException.of("time_zone", "must be an IANA time zone such as Europe/London");
            }
        }
        customers.setTimeZone(customerId, zone);
        return view(customerId, caller);
    }

    @Transactional(readOnly = true)
    public ConsentsResponse get(UUID customerId, Caller caller) {
        checkAccess(customerId, caller);
        return view(customerId, caller);
    }

    @Transactional
    public ConsentsResponse suppress(UUID customerId, String channel, SuppressRequest request, Caller caller) {
        checkStaff(caller);
        lockKnown(customerId);
        consents.suppress(
                new Suppression(customerId, channel, request.reason().strip(), caller.actorName(), clock.instant()));
        return view(customerId, caller);
    }

    @Transactional
    public void lift(UUID customerId, String channel, Caller caller) {
        checkStaff(caller);
        checkKnown(customerId);
        if (!consents.lift(customerId, channel)) {
            throw new SuppressionNotFoundException(customerId, channel);
        }
    }

    @Transactional(readOnly = true)
    public PageResponse<SuppressionResponse> suppressions(String channel, UUID customerId, int page, int limit) {
        return PageResponse.of(
                consents.suppressions(channel, customerId, page, limit),
                consents.countSuppressions(channel, customerId),
                page,
                limit);
    }

    private ConsentsResponse view(UUID customerId, Caller caller) {
        ConsentsResponse view = view(customerId);
        return isCustomerOnly(caller) ? view.asSeenBy(caller.actorName()) : view;
    }

    private ConsentsResponse view(UUID customerId) {
        List<ConsentRecord> given = consents.consentsOf(customerId);
        List<Suppression> suppressions = consents.suppressionsOf(customerId);
        Instant now = clock.instant();
        return new ConsentsResponse(
                customerId,
                customers.timeZone(customerId).orElse(null),
                given.stream().map(ConsentsResponse.ChannelConsent::of).toList(),
                suppressions.stream().map(ConsentsResponse.SuppressionEntry::of).toList(),
                Arrays.stream(Channel.values())
                        .map(channel -> {
                            ContactDecision decision = ContactPolicy.decide(given, suppressions, channel, now);
                            return new ConsentsResponse.ContactCheck(
                                    channel.wireName(), decision.allowed(), decision.reason());
                        })
                        .toList());
    }

    // a customer manages their own consent only; staff and agents (checked at the gateway) manage anyone's
    private void checkAccess(UUID customerId, Caller caller) {
        if (isCustomerOnly(caller) && !customerId.equals(caller.customerId())) {
            throw new NotPermittedException("A customer may only see and change their own consent.");
        }
        checkKnown(customerId);
    }

    // suppressions (bounces, complaints, legal holds) are the business's to set and lift, not the customer's
    private static void checkStaff(Caller caller) {
        if (isCustomerOnly(caller)) {
            throw new NotPermittedException("Suppressions are managed by staff; withdraw consent instead.");
        }
    }

    private static boolean isCustomerOnly(Caller caller) {
        return caller.hasRole(Caller.CUSTOMER)
                && !caller.hasAnyRole(
                        Caller.ADMIN, Caller.MARKETING_MANAGER, Caller.SUPPORT_AGENT, Caller.SYSTEM_AGENT);
    }

    private void checkKnown(UUID customerId) {
        if (!customers.isKnown(customerId)) {
            throw new CustomerNotKnownException(customerId);
        }
    }

    // for a change written under the customer's id: an erasure under way waits for it and deletes it too, or has
    // deleted the customer first and the change is refused
    private void lockKnown(UUID customerId) {
        if (!customers.lockIfKnown(customerId)) {
            throw new CustomerNotKnownException(customerId);
        }
    }

    private static void checkChannelsOnce(List<ChannelConsentRequest> requested) {
        Set<String> seen = new HashSet<>();
        List<FieldErrorDetail> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!seen.add(requested.get(i).channel())) {
                errors.add(new FieldErrorDetail("consents[" + i + "].channel", "channel given more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("Each channel may be given once.", errors);
        }
    }
}
