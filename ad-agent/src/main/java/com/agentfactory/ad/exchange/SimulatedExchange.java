package com.agentfactory.ad.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A stand-in for a real ad exchange, for the local demo (off unless
 * {@code agentfactory.ad.simulated-exchange.enabled}): it sends the agent bid requests for the banner sizes and
 * regions of the serving campaigns, runs a second-price auction against a random market price, sends win notices,
 * and draws clicks and conversions from hidden true rates per campaign and creative, so the allocation and the
 * creative rotation have something real to learn. It calls the same decider and delivery recording the bid API
 * uses, in process.
 */
@Component
@ConditionalOnProperty(prefix = "agentfactory.ad.simulated-exchange", name = "enabled", havingValue = "true")
class SimulatedExchange {

    private static final Logger log = LoggerFactory.getLogger(SimulatedExchange.class);
    /** The name its bids and deliveries are recorded under, as the bid API's key of the same name would give. */
    private static final String EXCHANGE = "simulated";

    private final BidDecider decider;
    private final ServingCampaigns serving;
    private final Deliveries deliveries;
    private final SimulatedExchangeProperties properties;
    private final BidMetrics metrics;
    private final Clock clock;
    private final Map<UUID, Double> trueCtr = new ConcurrentHashMap<>();
    private final Map<UUID, Double> trueCvr = new ConcurrentHashMap<>();

    SimulatedExchange(
            BidDecider decider,
            ServingCampaigns serving,
            Deliveries deliveries,
            SimulatedExchangeProperties properties,
            BidMetrics metrics,
            Clock clock) {
        this.decider = decider;
        this.serving = serving;
        this.deliveries = deliveries;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedRate = 1000, initialDelay = 5000)
    void tick() {
        ServingSnapshot snapshot = serving.current();
        if (snapshot.entries().isEmpty()) {
            return;
        }
        var random = ThreadLocalRandom.current();
        for (int i = 0; i < properties.requestsPerSecond(); i++) {
            ServingSnapshot.Entry entry =
                    snapshot.entries().get(random.nextInt(snapshot.entries().size()));
            if (entry.creatives().isEmpty()) {
                continue;
            }
            ServingSnapshot.Creative shape =
                    entry.creatives().get(random.nextInt(entry.creatives().size()));
            String region = shape.regions().isEmpty()
                    ? null
                    : shape.regions().iterator().next();
            String currency = entry.campaign().currency();
            var request = new OpenRtb.BidRequest(
                    "sim-" + UUID.randomUUID(),
                    List.of(new OpenRtb.Imp(
                            "1",
                            new OpenRtb.Banner(
                                    shape.creative().width(), shape.creative().height(), 1),
                            0.1,
                            currency,
                            "simulated-slot",
                            0)),
                    new OpenRtb.Site(null, "simulated.example", null),
                    null,
                    new OpenRtb.Device("simulated", null, new OpenRtb.Geo(null, region, null), null),
                    null,
                    null);
            metrics.request();
            decider.decide(request, EXCHANGE, snapshot, clock.instant())
                    .ifPresent(response -> auction(response, random));
        }
    }

    private void auction(OpenRtb.BidResponse response, ThreadLocalRandom random) {
        OpenRtb.Bid bid = response.seatbid().getFirst().bid().getFirst();
        double market = 0.5 + random.nextDouble() * 4; // CPM
        if (bid.price() < market) {
            return;
        }
        UUID campaignId = UUID.fromString(bid.cid());
        UUID creativeId = UUID.fromString(bid.crid());
        try {
            Deliveries.Won won = deliveries.win(
                    new WinNotice(
                            bid.id(),
                            campaignId,
                            creativeId,
                            BigDecimal.valueOf(market).setScale(4, RoundingMode.HALF_UP)),
                    WinNotices.tokenOf(bid.nurl()),
                    EXCHANGE);
            if (won.outcome().recorded()) {
                metrics.won(bid.id(), won.cost(), won.currency());
            }
            if (won.overspent()) {
                metrics.overspent(won.cost(), won.currency());
            }
            double ctr = trueCtr.computeIfAbsent(creativeId, id -> 0.005 + random.nextDouble() * 0.03);
            if (random.nextDouble() < ctr) {
                if (deliveries.click(new ClickNotice(bid.id(), null), EXCHANGE).recorded()) {
                    metrics.clicked(bid.id());
                }
                double cvr = trueCvr.computeIfAbsent(campaignId, id -> 0.02 + random.nextDouble() * 0.15);
                if (random.nextDouble() < cvr) {
                    deliveries.conversion(new ConversionNotice(bid.id(), null, null), EXCHANGE);
                }
            }
        } catch (RuntimeException e) {
            log.debug("simulated win of {} not recorded: {}", campaignId, e.getMessage());
        }
    }
}
