package com.agentfactory.campaign.campaign;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.segment.SegmentRules;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.paging.PageResponse;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans campaigns and moves them through their lifecycle, each change stored with its audit entry. */
@Service
class CampaignService {

    private final CampaignRepository campaigns;
    private final CampaignTransitionRepository transitions;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, CampaignTransitionRepository transitions, Clock clock) {
        this.campaigns = campaigns;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Transactional
    public CampaignResponse plan(CreateCampaignRequest request, String actor) {
        Channel channel = Channel.of(request.channel(), "channel");
        String rule = null;
        if (request.segmentRule() != null) {
            SegmentRules.compile(request.segmentRule(), "segment_rule");
            rule = SegmentRules.toJson(request.segmentRule());
        }
        Campaign.Planned planned = Campaign.plan(
                request.name().strip(),
                request.goal().strip(),
                channel.wireName(),
                rule,
                request.budget(),
                actor,
                "planned",
                clock.instant());
        Campaign saved = campaigns.save(planned.campaign());
        transitions.save(planned.created());
        return CampaignResponse.of(saved);
    }

    @Transactional
    public CampaignResponse transition(UUID id, String targetState, String reason, String actor) {
        CampaignState target = CampaignState.fromWireName(targetState)
                .orElseThrow(() -> InvalidInputException.of("target_state", "unknown state " + targetState));
        return transition(id, target, reason, actor);
    }

    @Transactional
    public CampaignResponse transition(UUID id, CampaignState target, String reason, String actor) {
        Campaign campaign = campaigns.findForUpdate(id).orElseThrow(() -> new CampaignNotFoundException(id));
        transitions.save(campaign.moveTo(target, actor, reason.strip(), clock.instant()));
        return CampaignResponse.of(campaign);
    }

    @Transactional(readOnly = true)
    public CampaignResponse get(UUID id) {
        return campaigns.findById(id).map(CampaignResponse::of).orElseThrow(() -> new CampaignNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public PageResponse<CampaignResponse> list(String state, int page, int limit) {
        PageRequest request =
                PageRequest.of(page - 1, limit, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        Page<Campaign> found;
        if (state == null) {
            found = campaigns.findAll(request);
        } else {
            CampaignState wanted = CampaignState.fromWireName(state)
                    .orElseThrow(() -> InvalidInputException.of("state", "unknown state " + state));
            found = campaigns.findByState(wanted.wireName(), request);
        }
        return PageResponse.of(found.map(CampaignResponse::of).getContent(), found.getTotalElements(), page, limit);
    }

    @Transactional(readOnly = true)
    public PageResponse<CampaignTransitionResponse> history(UUID id, int page, int limit) {
        if (!campaigns.existsById(id)) {
            throw new CampaignNotFoundException(id);
        }
        Page<CampaignTransition> found = transitions.findByCampaignId(
                id, PageRequest.of(page - 1, limit, Sort.by(Sort.Order.asc("occurredAt"), Sort.Order.asc("id"))));
        return PageResponse.of(
                found.map(CampaignTransitionResponse::of).getContent(), found.getTotalElements(), page, limit);
    }
}
