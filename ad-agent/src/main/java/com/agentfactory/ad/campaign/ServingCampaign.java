package com.agentfactory.ad.campaign;

import java.util.List;
import java.util.Set;

/** A serving campaign with its active creatives, each with the regions its ad group reaches (empty: all). */
public record ServingCampaign(AdCampaignView campaign, List<ServingCreative> creatives) {

    public record ServingCreative(CreativeView creative, Set<String> regions) {}
}
