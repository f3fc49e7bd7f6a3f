package com.agentfactory.ad.campaign;

import com.agentfactory.ad.platform.AdPlatform;
import com.agentfactory.messaging.error.ConflictException;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.messaging.time.YearRange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates campaigns and changes them, each change stored with its audit entry in the same transaction and pushed
 * to the campaign's ad platform. The other features read campaigns and ask for changes only through here.
 */
@Service
public class AdCampaigns {

    private final AdCampaignRepository campaigns;
    private final AdCampaignAuditRepository audit;
    private final AdGroupRepository groups;
    private final AdCreativeRepository creatives;
    private final AdPlatform platform;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AdCampaigns(
            AdCampaignRepository campaigns,
            AdCampaignAuditRepository audit,
            AdGroupRepository groups,
            AdCreativeRepository creatives,
            AdPlatform platform,
            ApplicationEventPublisher events,
            Clock clock) {
        this.campaigns = campaigns;
        this.audit = audit;
        this.groups = groups;
        this.creatives = creatives;
        this.platform = platform;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    AdCampaignResponse create(CreateAdCampaignRequest request, String actor) {
        if (request.totalBudget().compareTo(request.dailyBudget()) < 0) {
            throw RuleViolationException.of("total_budget", "must be at least the daily budget");
        }
        if (request.targetCpa() != null && request.targetRoas() != null) {
            throw InvalidInputException.of("target_roas", "give a target CPA or a target ROAS, not both");
        }
        Instant now = clock.instant();
        if (request.endsAt() != null) {
            if (request.startsAt() == null && !request.endsAt().isAfter(now)) {
                throw InvalidInputException.of(
                        "ends_at", "must be in the future: without starts_at the campaign starts now");
            }
            if (request.startsAt() != null && !request.endsAt().isAfter(request.startsAt())) {
                throw InvalidInputException.of("ends_at", "must be after starts_at");
            }
        }
        AdCampaign campaign = new AdCampaign(request, BigDecimal.ONE.setScale(4), actor, now);
        campaigns.save(campaign);
        audit.save(campaign.created(actor, "created"));
        if (request.adGroups() != null) {
            for (var g : request.adGroups()) {
                AdGroup group = groups.save(
                        new AdGroup(campaign.getId(), g.name().strip(), new Targeting(g.regions()).toJson(), now));
                for (var c : g.creatives()) {
                    creatives.save(new AdCreative(
                            campaign.getId(),
                            group.getId(),
                            c.name().strip(),
                            c.width(),
                            c.height(),
                            c.landingDomain(),
                            now));
                }
            }
        }
        return response(campaign);
    }

    @Transactional(readOnly = true)
    AdCampaignResponse get(UUID id) {
        return response(campaigns.findById(id).orElseThrow(() -> new AdCampaignNotFoundException(id)));
    }

    @Transactional(readOnly = true)
    PageResponse<AdCampaignResponse> list(AdCampaignStatus status, int page, int limit) {
        PageRequest request =
                PageRequest.of(page - 1, limit, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        Page<AdCampaign> found = status == null ? campaigns.findAll(request) : campaigns.findByStatus(status, request);
        return PageResponse.of(found.map(this::response).getContent(), found.getTotalElements(), page, limit);
    }

    /**
     * The campaign's audit entries in [from, to), oldest or newest first. The allocator adds an entry to a pooled
     * campaign every round, so a client after what changed lately asks for the newest first: oldest first, its first
     * page would stay on the campaign's first day.
     *
     * @param from null: from the first entry
     * @param to null: up to the newest entry
     * @throws InvalidInputException (400) when {@code from} is not before {@code to}
     */
    @Transactional(readOnly = true)
    PageResponse<AdCampaignAudit.AuditEntryResponse> history(
            UUID id, int page, int limit, boolean newestFirst, Instant from, Instant to) {
        Instant start = from == null ? YearRange.RECORDS.start() : from;
        Instant end = to == null ? YearRange.RECORDS.end() : to;
        if (!start.isBefore(end)) {
            throw InvalidInputException.of(from == null ? "to" : "from", "must be before to");
        }
        if (!campaigns.existsById(id)) {
            throw new AdCampaignNotFoundException(id);
        }
        Sort.Direction direction = newestFirst ? Sort.Direction.DESC : Sort.Direction.ASC;
        Page<AdCampaignAudit> found = audit.findByCampaignIdAndOccurredAtGreaterThanEqualAndOccurredAtLessThan(
                id,
                start,
                end,
                PageRequest.of(
                        page - 1,
                        limit,
                        Sort.by(new Sort.Order(direction, "occurredAt"), new Sort.Order(direction, "id"))));
        return PageResponse.of(
                found.map(AdCampaignAudit::response).getContent(), found.getTotalElements(), page, limit);
    }

    @Transactional
    AdCampaignResponse updateBudget(UUID id, UpdateBudgetRequest request, String actor) {
        if (request.totalBudget().compareTo(request.dailyBudget()) < 0) {
            throw RuleViolationException.of("total_budget", "must be at least the daily budget");
        }
        AdCampaign campaign = locked(id);
        if (campaign.status() == AdCampaignStatus.ENDED) {
            throw new ConflictException("Ad campaign " + id + " has ended; its budget can no longer change.");
        }
        audit.save(campaign.changeBudget(
                request.dailyBudget(),
                request.totalBudget(),
                actor,
                request.reason().strip(),
                clock.instant()));
        AdCampaignView v = campaign.view();
        if (v.platformCampaignId() != null) {
            platform.pushBudget(v.platformCampaignId(), v.effectiveDailyBudget(), v.currency());
        }
        events.publishEvent(new AdCampaignsChanged());
        return response(campaign);
    }

    /**
     * Moves a campaign to {@code target}; activating a draft creates it on its platform first.
     *
     * @throws StatusChangeNotAllowedException (409) when the state machine forbids it
     */
    @Transactional
    public AdCampaignView changeStatus(UUID id, AdCampaignStatus target, String reason, String actor) {
        return changeStatusWithResponse(id, null, target, reason, actor).campaign;
    }

    /** Activates a paused campaign; anything but a paused one is refused (409), so a draft is not resumed. */
    @Transactional
    public AdCampaignView resume(UUID id, String reason, String actor) {
        return changeStatusWithResponse(id, AdCampaignStatus.PAUSED, AdCampaignStatus.ACTIVE, reason, actor).campaign;
    }

    @Transactional
    AdCampaignResponse changeStatusReturningResponse(
            UUID id, AdCampaignStatus requiredFrom, AdCampaignStatus target, String reason, String actor) {
        return changeStatusWithResponse(id, requiredFrom, target, reason, actor).response;
    }

    private record Changed(AdCampaignView campaign, AdCampaignResponse response) {}

    private Changed changeStatusWithResponse(
            UUID id, AdCampaignStatus requiredFrom, AdCampaignStatus target, String reason, String actor) {
        AdCampaign campaign = locked(id);
        AdCampaignStatus from = campaign.status();
        if (requiredFrom != null && from != requiredFrom) {
            throw new StatusChangeNotAllowedException(from, target, from.allowedNext());
        }
        audit.save(campaign.moveTo(target, actor, reason.strip(), clock.instant()));
        AdCampaignView v = campaign.view();
        if (v.platformCampaignId() == null && target == AdCampaignStatus.ACTIVE) {
            campaign.linkPlatformCampaign(platform.createCampaign(new AdPlatform.PlatformCampaign(
                    v.platform().name(), v.name(), v.effectiveDailyBudget(), v.currency())));
            v = campaign.view();
        }
        if (v.platformCampaignId() != null) {
            platform.pushStatus(v.platformCampaignId(), target == AdCampaignStatus.ACTIVE);
        }
        events.publishEvent(new AdCampaignStatusChanged(id, from, target));
        events.publishEvent(new AdCampaignsChanged());
        return new Changed(v, response(campaign));
    }

    @Transactional
    public AdCampaignView changeBidFactor(UUID id, BigDecimal factor, String reason, String actor) {
        AdCampaign campaign = locked(id);
        audit.save(campaign.changeBidFactor(factor, actor, reason, clock.instant()));
        AdCampaignView v = campaign.view();
        if (v.platformCampaignId() != null) {
            platform.pushBidFactor(v.platformCampaignId(), factor);
        }
        events.publishEvent(new AdCampaignsChanged());
        return v;
    }

    @Transactional
    public AdCampaignView allocate(UUID id, BigDecimal dailyBudget, String reason, String actor) {
        AdCampaign campaign = locked(id);
        audit.save(campaign.allocate(dailyBudget, actor, reason, clock.instant()));
        AdCampaignView v = campaign.view();
        if (v.platformCampaignId() != null) {
            platform.pushBudget(v.platformCampaignId(), v.effectiveDailyBudget(), v.currency());
        }
        events.publishEvent(new AdCampaignsChanged());
        return v;
    }

    /**
     * Ends the campaign's share of a pool that no longer exists (it serves alone in its currency, or not at all):
     * it spends its own daily budget again.
     *
     * @return the campaign as it is now, or empty when it had no allocation (anymore) to drop
     */
    @Transactional
    public Optional<AdCampaignView> dropAllocation(UUID id, String reason, String actor) {
        AdCampaign campaign = locked(id);
        AdCampaignAudit dropped = campaign.dropAllocation(actor, reason, clock.instant());
        if (dropped == null) {
            return Optional.empty();
        }
        audit.save(dropped);
        AdCampaignView v = campaign.view();
        if (v.platformCampaignId() != null) {
            platform.pushBudget(v.platformCampaignId(), v.effectiveDailyBudget(), v.currency());
        }
        events.publishEvent(new AdCampaignsChanged());
        return Optional.of(v);
    }

    /** The campaigns holding an allocation, in any status. */
    @Transactional(readOnly = true)
    public List<AdCampaignView> withAllocation() {
        return campaigns.findByAllocatedDailyBudgetIsNotNullOrderById().stream()
                .map(AdCampaign::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public AdCampaignView view(UUID id) {
        return campaigns.findById(id).map(AdCampaign::view).orElseThrow(() -> new AdCampaignNotFoundException(id));
    }

    /**
     * The campaigns in {@code status}, each locked until the caller's transaction ends: a pause, a budget change or
     * an end asked for meanwhile waits for it, and one committed before the lock was taken is seen (a campaign it
     * took out of {@code status} is not returned). Call it before anything else in the transaction reads campaigns,
     * so that none is read from what the transaction loaded earlier.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AdCampaignView> lockWithStatus(AdCampaignStatus status) {
        return campaigns.findByStatusForUpdate(status).stream()
                .map(AdCampaign::view)
                .toList();
    }

    /**
     * The campaign as it is now, share-locked until the caller's transaction ends, for a decision that must not act
     * on a campaign paused, ended or given a new budget since it was read: a change committed before is seen, and
     * one asked for meanwhile waits until the decision is committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<AdCampaignView> lockShared(UUID id) {
        return campaigns.findForShare(id).map(AdCampaign::view);
    }

    @Transactional(readOnly = true)
    public List<AdCampaignView> withStatus(AdCampaignStatus status) {
        return campaigns.findByStatusOrderById(status).stream()
                .map(AdCampaign::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<AdCampaignView> all() {
        return campaigns.findAll(Sort.by("id")).stream().map(AdCampaign::view).toList();
    }

    /** The active campaigns with their active creatives, for the bid path's cache. */
    @Transactional(readOnly = true)
    public List<ServingCampaign> serving() {
        List<AdCampaign> active = campaigns.findByStatusOrderById(AdCampaignStatus.ACTIVE);
        List<UUID> ids = active.stream().map(AdCampaign::getId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Targeting> targeting = groups.findByCampaignIdIn(ids).stream()
                .collect(Collectors.toMap(AdGroup::getId, g -> Targeting.fromJson(g.targeting())));
        Map<UUID, List<ServingCampaign.ServingCreative>> byCampaign = creatives.findByCampaignIdIn(ids).stream()
                .map(AdCreative::view)
                .filter(CreativeView::isActive)
                .collect(Collectors.groupingBy(
                        CreativeView::campaignId,
                        Collectors.mapping(
                                c -> new ServingCampaign.ServingCreative(
                                        c,
                                        c.adGroupId() == null || !targeting.containsKey(c.adGroupId())
                                                ? java.util.Set.of()
                                                : new HashSet<>(targeting
                                                        .get(c.adGroupId())
                                                        .regions())),
                                Collectors.toList())));
        List<ServingCampaign> serving = new ArrayList<>();
        for (AdCampaign c : active) {
            serving.add(new ServingCampaign(c.view(), byCampaign.getOrDefault(c.getId(), List.of())));
        }
        return serving;
    }

    private AdCampaign locked(UUID id) {
        return campaigns.findForUpdate(id).orElseThrow(() -> new AdCampaignNotFoundException(id));
    }

    private AdCampaignResponse response(AdCampaign campaign) {
        List<AdGroup> campaignGroups = groups.findByCampaignIdOrderByCreatedAtAscIdAsc(campaign.getId());
        Map<UUID, List<CreativeView>> byGroup =
                creatives.findByCampaignIdOrderByCreatedAtAscIdAsc(campaign.getId()).stream()
                        .map(AdCreative::view)
                        .filter(c -> c.adGroupId() != null)
                        .collect(Collectors.groupingBy(CreativeView::adGroupId));
        return AdCampaignResponse.of(
                campaign,
                campaignGroups.stream()
                        .map(g -> new AdCampaignResponse.AdGroupResponse(
                                g.getId(),
                                g.name(),
                                Targeting.fromJson(g.targeting()).regions(),
                                byGroup.getOrDefault(g.getId(), List.of())))
                        .toList());
    }
}
