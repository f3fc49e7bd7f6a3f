package com.agentfactory.ad.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpressionFieldsTest {

    @Test
    void readsTheModelsFieldsFromAnOpenRtbRequest() {
        var request = new OpenRtb.BidRequest(
                "r1",
                List.of(new OpenRtb.Imp("1", new OpenRtb.Banner(728, 90, 3), 0.25, "EUR", "slot-7", 1)),
                null,
                new OpenRtb.App("a1", "com.example.news"),
                new OpenRtb.Device(
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) AppleWebKit/605.1.15 Version/17.0 Safari/604.1",
                        "81.82.83.84",
                        new OpenRtb.Geo("BEL", "BRU", "Brussels"),
                        null),
                null,
                null);

        // 2026-12-06 is a Sunday; 23:30 UTC is 07:30 the next morning in Shanghai
        var fields = ImpressionFields.of(
                        request,
                        request.imp().getFirst(),
                        "exchange-a",
                        Instant.parse("2026-12-06T23:30:00Z"),
                        ZoneId.of("Asia/Shanghai"))
                .withCreative("creative-1", "campaign-1");

        assertThat(fields.weekday()).isEqualTo(1);
        assertThat(fields.hour()).isEqualTo(7);
        assertThat(fields.userAgent()).isEqualTo("ios_safari");
        assertThat(fields.ip()).isEqualTo("81.82.83.84");
        assertThat(fields.region()).isEqualTo("BRU");
        assertThat(fields.city()).isEqualTo("Brussels");
        assertThat(fields.adExchange()).isEqualTo("exchange-a");
        assertThat(fields.domain()).isEqualTo("com.example.news");
        assertThat(fields.slotId()).isEqualTo("slot-7");
        assertThat(fields.slotWidth()).isEqualTo(728);
        assertThat(fields.slotHeight()).isEqualTo(90);
        assertThat(fields.slotVisibility()).isEqualTo("SecondView");
        assertThat(fields.slotFormat()).isEqualTo("Pop");
        assertThat(fields.slotFloorPrice()).isEqualTo(25);
        assertThat(fields.creative()).isEqualTo("creative-1");
        assertThat(fields.advertiser()).isEqualTo("campaign-1");
    }

    @Test
    void namesOperatingSystemAndBrowserAsTheLogsDo() {
        assertThat(ImpressionFields.userAgent(
                        "Android", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"))
                .isEqualTo("android_chrome");
        assertThat(ImpressionFields.userAgent(null, "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)"))
                .isEqualTo("windows_ie");
        assertThat(ImpressionFields.userAgent(null, null)).isEqualTo("other_other");
        assertThat(ImpressionFields.visibility(1)).isEqualTo("FirstView");
        assertThat(ImpressionFields.visibility(null)).isEqualTo("Na");
    }
}
