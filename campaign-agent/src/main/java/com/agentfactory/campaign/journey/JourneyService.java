package com.agentfactory.campaign.journey;

import com.agentfactory.campaign.campaign.CampaignSending;
import com.agentfactory.campaign.campaign.JourneyAdmission;
import com.agentfactory.campaign.customer.CustomerReadModel;
import com.agentfactory.campaign.segment.SegmentMembership;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.paging.PageResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores, activates and lists journeys, and enrols customers by hand. */
@Service
public class JourneyService {

    private final JourneyRepository journeys;
    private final JourneyCatalogue catalogue;
    private final Enrolments enrolments;
    private final SegmentMembership segments;
    private final CustomerReadModel customers;
    private final JourneyAdmission campaigns;
    private final CampaignSending sending;
    private final Clock clock;

    JourneyService(
            JourneyRepository journeys,
            JourneyCatalogue catalogue,
            Enrolments enrolments,
            SegmentMembership segments,
            CustomerReadModel customers,
            JourneyAdmission campaigns,
            CampaignSending sending,
            Clock clock) {
        this.journeys = journeys;
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.segments = segments;
        this.customers = customers;
        this.campaigns = campaigns;
        this.sending = sending;
        this.clock = clock;
    }

    @Transactional
    JourneyResponse create(String text, boolean yaml, String actor) {
        CompiledJourney compiled = JourneyDefinitions.parse(text, yaml);
        checkReferences(compiled.definition(), null);
        String name = compiled.definition().name().strip();
        if (journeys.existsByNameIgnoreCase(name)) {
            throw new JourneyNameTakenException(name);
        }
        try {
            return JourneyResponse.of(
                    journeys.saveAndFlush(new Journey(compiled.definition(), actor, clock.instant())));
        } catch (DataIntegrityViolationException e) {
            // two saves of one name at once: the unique index decides
            throw new JourneyNameTakenException(name);
        }
    }

    /**
     * Replaces the definition of a journey that has never been activated: nobody can have entered it and no agent
     * instance has compiled it (the catalogue keeps compiled journeys for good), so the new steps are safe to
     * take; otherwise 409.
     */
    @Transactional
    JourneyResponse update(UUID id, String text, boolean yaml) {
        Journey journey = find(id);
        if (journey.activatedAt() != null) {
            throw new JourneyNotEditableException(id);
        }
        CompiledJourney compiled = JourneyDefinitions.parse(text, yaml);
        checkReferences(compiled.definition(), journey.campaignId());
        String name = compiled.definition().name().strip();
        journeys.findByNameIgnoreCase(name)
                .filter(other -> !other.id().equals(id))
                .ifPresent(other -> {
                    throw new JourneyNameTakenException(name);
                });
        journey.redefine(compiled.definition(), clock.instant());
        try {
            return JourneyResponse.of(journeys.saveAndFlush(journey));
        } catch (DataIntegrityViolationException e) {
            throw new JourneyNameTakenException(name);
        } catch (OptimisticLockingFailureException e) {
            // activated (or changed) by someone else since it was read: the version column decides
            throw new JourneyNotEditableException(id);
        }
    }

    @Transactional(readOnly = true)
    JourneyResponse get(UUID id) {
        return JourneyResponse.of(find(id));
    }

    @Transactional(readOnly = true)
    PageResponse<JourneyResponse> list(int page, int limit) {
        Page<Journey> found = journeys.findAll(
                PageRequest.of(page - 1, limit, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
        return PageResponse.of(found.map(JourneyResponse::of).getContent(), found.getTotalElements(), page, limit);
    }

    @Transactional
    public JourneyResponse activate(UUID id) {
        Journey journey = find(id);
        requireSendingCampaign(journey, "activating journey " + id);
        journey.activate(clock.instant());
        return JourneyResponse.of(journey);
    }

    @Transactional
    JourneyResponse deactivate(UUID id) {
        Journey journey = find(id);
        journey.deactivate(clock.instant());
        return JourneyResponse.of(journey);
    }

    /**
     * Enrols a customer by name, for the API and the enrol-customer task alike. The trigger's re_entry policy is not
     * asked: it decides whom the trigger enrols on its own, and a person or agent naming the customer has decided
     * they enter again; only an enrolment still in progress refuses a second one.
     */
    @Transactional
    public EnrolmentResponse enrol(UUID journeyId, UUID customerId, Map<String, Object> context) {
        Journey journey = find(journeyId);
        if (!journey.active()) {
            throw new JourneyNotActiveException(journeyId);
        }
        requireSendingCampaign(journey, "enrolling into journey " + journeyId);
        // locked, so an erasure under way waits for the enrolment and takes it too, or has deleted the customer first
        if (!customers.lockIfKnown(customerId)) {
            throw UnknownCustomerException.of(customerId);
        }
        UUID enrolment = enrolments
                .enrol(
                        journeyId,
                        customerId,
                        catalogue.get(journeyId).firstStep(),
                        context == null ? Map.of() : context,
                        clock.instant())
                .orElseThrow(() -> new AlreadyEnrolledException(journeyId, customerId));
        return enrolments.find(enrolment).orElseThrow().view();
    }

    @Transactional(readOnly = true)
    PageResponse<EnrolmentResponse> enrolments(UUID journeyId, int page, int limit) {
        find(journeyId);
        return PageResponse.of(
                enrolments.ofJourney(journeyId, page, limit).stream()
                        .map(Enrolment::view)
                        .toList(),
                enrolments.countOfJourney(journeyId),
                page,
                limit);
    }

    /** Loads a definition shipped with the service (the demo) unless a journey of its name exists; activates it. */
    @Transactional
    public UUID loadAndActivate(String text, boolean yaml, String actor) {
        CompiledJourney compiled = JourneyDefinitions.parse(text, yaml);
        Journey journey = journeys.findByNameIgnoreCase(
                        compiled.definition().name().strip())
                .orElseGet(() -> journeys.save(new Journey(compiled.definition(), actor, clock.instant())));
        requireSendingCampaign(journey, "activating journey " + journey.id());
        journey.activate(clock.instant());
        return journey.id();
    }

    /**
     * The segments and the campaign the definition names must exist (422 naming each field that names a missing
     * one), and a campaign the journey joins must not be archived (409). A journey that already belongs to the
     * campaign ({@code currentCampaign}) stays in it: it is not new to the campaign.
     */
    private void checkReferences(JourneyDefinition definition, UUID currentCampaign) {
        List<FieldErrorDetail> errors = new ArrayList<>();
        UUID campaign = definition.campaignId();
        boolean campaignClosed = false;
        if (campaign != null) {
            switch (campaigns.admit(campaign)) {
                case UNKNOWN_CAMPAIGN ->
                    errors.add(new FieldErrorDetail("campaign_id", "unknown campaign " + campaign));
                case CAMPAIGN_CLOSED -> campaignClosed = !campaign.equals(currentCampaign);
                case ADMITTED -> {
                    // nothing to report
                }
            }
        }
        UUID triggerSegment = definition.trigger().segmentId();
        if (triggerSegment != null && !segments.exists(triggerSegment)) {
            errors.add(new FieldErrorDetail("trigger.segment_id", "unknown segment " + triggerSegment));
        }
        for (int i = 0; i < definition.steps().size(); i++) {
            UUID segment = definition.steps().get(i).segmentId();
            if (segment != null && !segments.exists(segment)) {
                errors.add(new FieldErrorDetail("steps[" + i + "].segment_id", "unknown segment " + segment));
            }
            List<UUID> strata = definition.steps().get(i).strata();
            for (int s = 0; strata != null && s < strata.size(); s++) {
                if (strata.get(s) != null && !segments.exists(strata.get(s))) {
                    errors.add(new FieldErrorDetail(
                            "steps[" + i + "].strata[" + s + "]", "unknown segment " + strata.get(s)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The journey names segments or a campaign that do not exist.", errors);
        }
        if (campaignClosed) {
            throw new CampaignClosedException(campaign);
        }
    }

    /** The campaign cannot stop sending until the caller's transaction ends, as it cannot be archived under create. */
    private void requireSendingCampaign(Journey journey, String refused) {
        UUID campaign = journey.campaignId();
        if (campaign != null && sending.permissionUntilCommit(campaign) != CampaignSending.Permission.OPEN) {
            throw new CampaignNotSendingException(campaign, refused);
        }
    }

    private Journey find(UUID id) {
        return journeys.findById(id).orElseThrow(() -> new JourneyNotFoundException(id));
    }
}
