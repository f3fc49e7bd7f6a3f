package com.agentfactory.ad.exchange;

import com.agentfactory.ad.prediction.BidFeatures;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Reads, from an OpenRTB request, the impression fields the trained click models know (the iPinYou log's fields):
 * time of day and weekday, operating system and browser, client network, region and city, exchange, site domain
 * or app bundle, slot id, size, position and format, and the floor. The creative and its advertiser are filled in
 * per candidate. What a request leaves out stays null and is scored as the field's "other" value.
 */
final class ImpressionFields {

    private ImpressionFields() {}

    static BidFeatures of(OpenRtb.BidRequest request, OpenRtb.Imp imp, String exchange, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        OpenRtb.Device device = request.device();
        OpenRtb.Geo geo = device == null ? null : device.geo();
        String domain = request.site() != null
                ? request.site().domain()
                : request.app() == null ? null : request.app().bundle();
        OpenRtb.Banner banner = imp.banner();
        return new BidFeatures(
                local.getDayOfWeek().getValue() % 7, // the logs count 0 Sunday .. 6 Saturday
                local.getHour(),
                device == null ? null : userAgent(device.os(), device.ua()),
                device == null ? null : device.ip(),
                geo == null ? null : geo.region(),
                geo == null ? null : geo.city(),
                exchange,
                domain,
                imp.tagid(),
                banner == null || banner.w() == null ? 0 : banner.w(),
                banner == null || banner.h() == null ? 0 : banner.h(),
                visibility(banner == null ? null : banner.pos()),
                imp.instl() != null && imp.instl() == 1 ? "Pop" : "Fixed",
                floorBucket(imp.bidfloor()),
                null,
                null);
    }

    /** OpenRTB's ad position as the logs' slot visibility: above the fold is the first view, below it the second. */
    static String visibility(Integer pos) {
        if (pos == null || pos == 0) {
            return "Na";
        }
        return switch (pos) {
            case 1 -> "FirstView";
            case 3 -> "SecondView";
            default -> "OtherView";
        };
    }

    /** The floor (CPM in the currency's main unit) in hundredths, as the logs' floor in fen per mille. */
    static int floorBucket(Double floorCpm) {
        return floorCpm == null ? 0 : (int) Math.round(floorCpm * 100);
    }

    /** The logs' {@code os_browser} value, e.g. {@code android_chrome}, from the device's os and user agent. */
    static String userAgent(String os, String ua) {
        return operatingSystem(os, ua) + "_" + browser(ua);
    }

    private static String operatingSystem(String os, String ua) {
        String text = (os != null ? os : ua == null ? "" : ua).toLowerCase(Locale.ROOT);
        if (text.contains("android")) {
            return "android";
        }
        if (text.contains("ios") || text.contains("iphone") || text.contains("ipad") || text.contains("ipod")) {
            return "ios";
        }
        if (text.contains("windows")) {
            return "windows";
        }
        if (text.contains("mac")) {
            return "mac";
        }
        if (text.contains("linux")) {
            return "linux";
        }
        return "other";
    }

    private static String browser(String ua) {
        if (ua == null) {
            return "other";
        }
        // the order matters: Chrome's agent also says Safari, Edge's and Opera's also say Chrome
        if (ua.contains("MSIE") || ua.contains("Trident/")) {
            return "ie";
        }
        if (ua.contains("Maxthon")) {
            return "maxthon";
        }
        if (ua.contains("Sogou") || ua.contains("MetaSr")) {
            return "sogou";
        }
        if (ua.contains("Firefox/")) {
            return "firefox";
        }
        if (ua.contains("OPR/") || ua.contains("Opera")) {
            return "opera";
        }
        if (ua.contains("Edg/") || ua.contains("Edge/")) {
            return "edge";
        }
        if (ua.contains("Chrome/") || ua.contains("CriOS/")) {
            return "chrome";
        }
        if (ua.contains("Safari/")) {
            return "safari";
        }
        return "other";
    }
}
