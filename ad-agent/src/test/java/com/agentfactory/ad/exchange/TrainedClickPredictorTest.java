package com.agentfactory.ad.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.agentfactory.ad.prediction.ClickPredictionService;
import com.agentfactory.ad.prediction.StoredModels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedClickPredictorTest {

    @TempDir
    Path models;

    private static OpenRtb.BidRequest request(int position, String ua) {
        return new OpenRtb.BidRequest(
                "r1",
                List.of(new OpenRtb.Imp("1", new OpenRtb.Banner(300, 250, position), 0.0, "EUR", "slot-7", 0)),
                new OpenRtb.Site("s1", "news.example", null),
                null,
                new OpenRtb.Device(ua, "60.22.69.14", new OpenRtb.Geo("BEL", "BE", "Brussels"), "Android"),
                null,
                null);
    }

    private static final String CHROME =
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Safari/537.36";

    private BidDecider decider(ClickPredictionService service) {
        return new BidDecider(
                new TrainedClickPredictor(service, new EmpiricalBayesClickPredictor(200, 0.01, 0.05)),
                new LinearBidShaper(),
                BidDeciderTest.PROPERTIES,
                service.timeZone());
    }

    private static double price(java.util.Optional<OpenRtb.BidResponse> response) {
        return response.orElseThrow().seatbid().getFirst().bid().getFirst().price();
    }

    @Test
    void valuesABidWithTheServedModelsClickRateForTheRequestsFields() throws IOException {
        StoredModels.linearCtrModel(
                models,
                Map.of("slotvisibility:FirstView", 2f, "useragent:android_chrome", 1f, "domain:news.example", 0.5f),
                -8.5,
                Instant.parse("2026-12-01T00:00:00Z"));
        ClickPredictionService service = ClickPredictionService.of(models, ZoneOffset.UTC);
        var snapshot = new ServingSnapshot(List.of(BidDeciderTest.entry("1.0", 50, 0)), 0, 0);

        double aboveTheFold = price(decider(service).decide(request(1, CHROME), "x", snapshot, BidDeciderTest.NOON));
        double belowTheFold = price(decider(service).decide(request(3, CHROME), "x", snapshot, BidDeciderTest.NOON));
        double otherBrowser = price(decider(service).decide(request(1, "curl/8"), "x", snapshot, BidDeciderTest.NOON));

        // pCTR from the model x pCVR 0.05 (the campaign has no history) x 40 per conversion x 1000 for CPM
        assertThat(aboveTheFold).isCloseTo(sigmoid(-8.5 + 2 + 1 + 0.5) * 0.05 * 40 * 1000, within(1e-4));
        assertThat(belowTheFold).isCloseTo(sigmoid(-8.5 + 1 + 0.5) * 0.05 * 40 * 1000, within(1e-4));
        assertThat(otherBrowser).isCloseTo(sigmoid(-8.5 + 2 + 0.5) * 0.05 * 40 * 1000, within(1e-4));
        assertThat(service.ctrVersion()).isPresent();
    }

    @Test
    void fallsBackToTheCampaignsHistoryWhileNoModelIsStored() {
        ClickPredictionService service = ClickPredictionService.of(models, ZoneOffset.UTC);
        var snapshot = new ServingSnapshot(List.of(BidDeciderTest.entry("1.0", 50, 0)), 0, 0);

        double price = price(decider(service).decide(request(1, CHROME), "x", snapshot, BidDeciderTest.NOON));

        // the empirical-Bayes prior: pCTR 0.01 x pCVR 0.05 x 40 = 0.02 per impression = 20 CPM
        assertThat(service.ctrVersion()).isEmpty();
        assertThat(price).isEqualTo(20.0);
    }

    private static double sigmoid(double margin) {
        return 1 / (1 + Math.exp(-margin));
    }
}
