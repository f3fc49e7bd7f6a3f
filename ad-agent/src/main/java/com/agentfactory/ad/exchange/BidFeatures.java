package com.agentfactory.ad.exchange;

import java.util.UUID;

/**
 * What is known about one impression opportunity for one campaign's creative, for click and conversion prediction.
 *
 * @param region the device's geo region, or null
 * @param placement the site domain or app bundle, or null
 * @param impression the impression in the fields the trained models read, with this creative and campaign
 */
public record BidFeatures(
        UUID campaignId,
        UUID creativeId,
        int width,
        int height,
        String region,
        String placement,
        String userAgent,
        String userId,
        com.agentfactory.ad.prediction.BidFeatures impression) {}
