package com.agentfactory.ad.prediction;

import java.util.Objects;

/**
 * What a bid request tells about an impression, in the fields of the iPinYou logs the models are trained on.
 * A null or unseen value falls into its field's "other" bucket.
 *
 * @param weekday day of the week as the logs count it (0 Sunday .. 6 Saturday)
 * @param hour hour of the day, 0..23
 * @param userAgent operating system and browser, as {@code android_safari}, {@code windows_ie}, ...
 * @param ip the client's IPv4 address; only its /24 network is used
 * @param region the exchange's region id
 * @param city the exchange's city id
 * @param adExchange the exchange id, or {@code null}
 * @param domain the publisher's (hashed) domain
 * @param slotId the ad slot id
 * @param slotWidth the slot's width in pixels
 * @param slotHeight the slot's height in pixels
 * @param slotVisibility {@code FirstView}, {@code SecondView}, {@code OtherView}, {@code Na}, ...
 * @param slotFormat {@code Fixed}, {@code Pop}, {@code Na}, ...
 * @param slotFloorPrice the floor price in CNY fen per mille, bucketed as in the logs (0, 1-10, 11-50, 51-100, 101+)
 * @param creative the creative id
 * @param advertiser the advertiser id
 */
public record BidFeatures(
        int weekday,
        int hour,
        String userAgent,
        String ip,
        String region,
        String city,
        String adExchange,
        String domain,
        String slotId,
        int slotWidth,
        int slotHeight,
        String slotVisibility,
        String slotFormat,
        int slotFloorPrice,
        String creative,
        String advertiser) {

    public BidFeatures {
        Objects.checkIndex(hour, 24);
        Objects.checkIndex(weekday, 7);
    }

    /** The same impression offered with another creative of another advertiser. */
    public BidFeatures withCreative(String creative, String advertiser) {
        return new BidFeatures(
                weekday,
                hour,
                userAgent,
                ip,
                region,
                city,
                adExchange,
                domain,
                slotId,
                slotWidth,
                slotHeight,
                slotVisibility,
                slotFormat,
                slotFloorPrice,
                creative,
                advertiser);
    }
}
