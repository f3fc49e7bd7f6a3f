package com.agentfactory.ad.exchange;

import com.agentfactory.ad.allocation.CreativeRotation;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides the bids for one request from a snapshot, without I/O: for each impression, every serving campaign with
 * a creative of the banner's size for the device's region is valued at pCTR × pCVR × value per conversion, shaped
 * by the policy into a bid, held back when the campaign is ahead of even pacing, capped so one impression's cost
 * fits the allowance left, and dropped below the floor. The best campaign bids; the creative is rotated by
 * Thompson sampling. OpenRTB prices are CPM, so a bid is 1000 × the per-impression bid. Each bid's win notice URL
 * is signed (see {@link WinNotices}), so no bid is stored.
 *
 * <p>The allowance left is the snapshot's (this replica's lease of it, see {@link AllowanceLeases}) less what every
 * bid still held (see {@link ClaimHold}) would cost if won:
 * a bid claims its cost from it with one compare-and-set, lowered to what is left when concurrent bids took the
 * rest, so the bids whose wins may still come together never cost more than the allowance had left.
 */
class BidDecider {

    private static final double SECONDS_PER_DAY = 86_400;
    /** Bids are sent in CPM to the fourth decimal. */
    static final long PRICE_UNITS_PER_CPM = 10_000;

    private static final int INSTANCE = new SecureRandom().nextInt();
    /** This agent process among the replicas: the first eight hex digits of its bid ids (see {@link #newBidId}). */
    static final String REPLICA = "%08x".formatted(INSTANCE);

    private static final String INSTANCE_PREFIX = REPLICA + "-";

    private final ClickPredictor predictor;
    private final BidShaper shaper;
    private final ExchangeProperties properties;
    private final ZoneId featureZone;
    private final BidRecorder recorder;
    private final WinNotices winNotices;

    /** Told of every bid placed, with the pCTR it was valued at. */
    interface BidRecorder {
        BidRecorder NONE = (bidId, pctr) -> {};

        void bid(String bidId, double pctr);
    }

    BidDecider(ClickPredictor predictor, BidShaper shaper, ExchangeProperties properties) {
        this(predictor, shaper, properties, ZoneOffset.UTC, BidRecorder.NONE, null);
    }

    BidDecider(ClickPredictor predictor, BidShaper shaper, ExchangeProperties properties, ZoneId featureZone) {
        this(predictor, shaper, properties, featureZone, BidRecorder.NONE, null);
    }

    /**
     * @param featureZone the time zone in which the click models count the hour and weekday of an impression
     * @param winNotices signs each bid's win notice URL; null only where no exchange will send a win notice
     */
    BidDecider(
            ClickPredictor predictor,
            BidShaper shaper,
            ExchangeProperties properties,
            ZoneId featureZone,
            BidRecorder recorder,
            WinNotices winNotices) {
        this.predictor = predictor;
        this.shaper = shaper;
        this.properties = properties;
        this.featureZone = featureZone;
        this.recorder = recorder;
        this.winNotices = winNotices;
    }

    Optional<OpenRtb.BidResponse> decide(OpenRtb.BidRequest request, ServingSnapshot snapshot, Instant now) {
        return decide(request, null, snapshot, now);
    }

    /** @param exchange the exchange that sent the request, a feature of the click models; null if unknown */
    Optional<OpenRtb.BidResponse> decide(
            OpenRtb.BidRequest request, String exchange, ServingSnapshot snapshot, Instant now) {
        String region = request.device() == null || request.device().geo() == null
                ? null
                : request.device().geo().region();
        String placement = request.site() != null
                ? request.site().domain()
                : request.app() == null ? null : request.app().bundle();
        String userAgent = request.device() == null ? null : request.device().ua();
        String userId = request.user() == null ? null : request.user().id();
        UUID customer = customerOf(userId);
        double dayShare = LocalTime.ofInstant(now, ZoneOffset.UTC).toSecondOfDay() / SECONDS_PER_DAY;

        List<OpenRtb.Bid> bids = new ArrayList<>();
        String currency = null;
        for (OpenRtb.Imp imp : request.imp()) {
            if (imp.banner() == null || imp.banner().w() == null || imp.banner().h() == null) {
                continue;
            }
            String impCurrency = imp.bidfloorcur() != null
                    ? imp.bidfloorcur()
                    : request.cur() != null && !request.cur().isEmpty()
                            ? request.cur().getFirst()
                            : "USD";
            if (currency != null && !currency.equals(impCurrency)) {
                continue; // one currency per response
            }
            double floor = imp.bidfloor() == null ? 0 : imp.bidfloor();
            com.agentfactory.ad.prediction.BidFeatures impression =
                    ImpressionFields.of(request, imp, exchange, now, featureZone);
            Candidate best = null;
            for (ServingSnapshot.Entry entry : snapshot.entries()) {
                if (!entry.campaign().currency().equals(impCurrency)) {
                    continue;
                }
                List<ServingSnapshot.Creative> fitting = new ArrayList<>(2);
                for (ServingSnapshot.Creative c : entry.creatives()) {
                    if (c.fits(imp.banner().w(), imp.banner().h(), region)) {
                        fitting.add(c);
                    }
                }
                if (fitting.isEmpty()) {
                    continue;
                }
                entry.counters().eligible.increment();
                if (!now.isBefore(entry.bidUntil())) {
                    continue; // its lease may end before a win of the bid comes
                }
                Candidate candidate = value(
                        entry, fitting, imp, impression, region, placement, userAgent, userId, dayShare, snapshot);
                if (candidate != null
                        && candidate.cpm >= floor
                        && candidate.cpm > 0
                        && (best == null || candidate.cpm > best.cpm)) {
                    best = candidate;
                }
            }
            if (best != null) {
                long priceUnits = claim(best.entry, Math.round(best.cpm * PRICE_UNITS_PER_CPM), floor);
                if (priceUnits <= 0) {
                    continue;
                }
                best.entry.counters().bids.increment();
                currency = impCurrency;
                String bidId = newBidId();
                recorder.bid(bidId, best.pctr);
                double price = priceUnits / (double) PRICE_UNITS_PER_CPM;
                UUID creativeId = best.creative.creative().id();
                bids.add(new OpenRtb.Bid(
                        bidId,
                        imp.id(),
                        price,
                        best.entry.id().toString(),
                        creativeId.toString(),
                        List.of(best.creative.creative().landingDomain()),
                        winNotices == null
                                ? null
                                : winNotices.nurl(bidId, best.entry.id(), creativeId, price, now, exchange, customer)));
            }
        }
        if (bids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new OpenRtb.BidResponse(request.id(), List.of(new OpenRtb.SeatBid(bids, "agentfactory")), currency));
    }

    /**
     * The store customer a bid request's user id names: the exchange's user id is the customer's id where the store
     * shares it, and anything else where not. Read without an exception for an id of another form (most of them), as
     * this runs for every request.
     *
     * @return null when the user id is not a UUID in its canonical form
     */
    static UUID customerOf(String userId) {
        if (userId == null || userId.length() != 36) {
            return null;
        }
        for (int i = 0; i < 36; i++) {
            char c = userId.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHexDigit(c)) {
                return null;
            }
        }
        return UUID.fromString(userId);
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * A random UUID whose first eight hex digits name this agent process, so that the agent can tell its own bids'
     * win notices from those of another replica's bids: only its own bids' claims are in its counters.
     */
    static String newBidId() {
        UUID random = UUID.randomUUID();
        // the version and variant bits are kept: 90 random bits are left
        return new UUID(
                        (long) INSTANCE << 32 | (random.getMostSignificantBits() & 0xFFFF_FFFFL),
                        random.getLeastSignificantBits())
                .toString();
    }

    /** Whether this agent process made the bid (see {@link #newBidId}). */
    static boolean isOwnBid(String bidId) {
        return bidId.startsWith(INSTANCE_PREFIX);
    }

    /** The replica that made the bid (see {@link #REPLICA}), or empty for a bid id not of this agent's form. */
    static Optional<String> replicaOf(String bidId) {
        if (bidId.length() <= REPLICA.length() || bidId.charAt(REPLICA.length()) != '-') {
            return Optional.empty();
        }
        for (int i = 0; i < REPLICA.length(); i++) {
            if (Character.digit(bidId.charAt(i), 16) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(bidId.substring(0, REPLICA.length()));
    }

    /**
     * Claims what the bid costs if won from the allowance the campaign has left, lock-free: a win is charged its CPM
     * price / 1000 rounded up to the millionth (see {@link Deliveries#win}), so that is what is claimed.
     *
     * @param priceUnits the bid's price in ten-thousandths of a CPM, as it is sent
     * @return the price claimed, lowered to what is left; 0 when what is left would not make a bid at the floor
     */
    private static long claim(ServingSnapshot.Entry entry, long priceUnits, double floor) {
        var offered = entry.counters().offeredMicros;
        while (true) {
            long before = offered.get();
            long units = Math.min(priceUnits, ClaimHold.priceUnitsCovered(entry.availableMicros(before)));
            if (units <= 0 || units / (double) PRICE_UNITS_PER_CPM < floor) {
                return 0;
            }
            long cost = ClaimHold.claimMicros(units);
            if (offered.compareAndSet(before, before + cost)) {
                return units;
            }
        }
    }

    private Candidate value(
            ServingSnapshot.Entry entry,
            List<ServingSnapshot.Creative> fitting,
            OpenRtb.Imp imp,
            com.agentfactory.ad.prediction.BidFeatures impression,
            String region,
            String placement,
            String userAgent,
            String userId,
            double dayShare,
            ServingSnapshot snapshot) {
        double daily = entry.campaign().effectiveDailyBudget().doubleValue();
        // even pacing with slack: by this time of day the campaign may have spent this much
        double paced = daily * Math.min(1.0, dayShare + properties.pacingSlack());
        long available = entry.availableMicros();
        if (entry.spentToday() >= paced || available <= 0) {
            return null;
        }
        ServingSnapshot.Creative creative = fitting.get(CreativeRotation.choose(fitting.stream()
                .map(c -> new CreativeRotation.Arm(
                        c.creative().impressions(), c.creative().clicks()))
                .toList()));
        var features = new BidFeatures(
                entry.id(),
                creative.creative().id(),
                imp.banner().w(),
                imp.banner().h(),
                region,
                placement,
                userAgent,
                userId,
                impression.withCreative(
                        creative.creative().id().toString(), entry.id().toString()));
        var history = new ClickPredictor.CampaignHistory(
                entry.impressions(),
                entry.clicks(),
                entry.conversions(),
                creative.creative().impressions(),
                creative.creative().clicks(),
                snapshot.pooledCtr(),
                snapshot.pooledCvr());
        double pctr = predictor.clickProbability(features, history);
        double value = pctr
                * predictor.conversionProbability(features, history)
                * entry.campaign().valuePerConversion().doubleValue();
        double pacing = dayShare <= 0 ? 0 : entry.spentToday() / (daily * dayShare);
        double perImpression = shaper.bid(
                value,
                new BidShaper.ShapingContext(
                        entry.campaign().bidFactor().doubleValue(),
                        pacing,
                        available / 1_000_000.0,
                        pctr,
                        daily - entry.spentToday(),
                        SECONDS_PER_DAY * (1 - dayShare),
                        entry.market()));
        perImpression = Math.min(perImpression, available / 1_000_000.0);
        double cpm = Math.min(perImpression * 1000, properties.maxPriceCpm());
        return new Candidate(entry, creative, cpm, pctr);
    }

    private record Candidate(ServingSnapshot.Entry entry, ServingSnapshot.Creative creative, double cpm, double pctr) {}
}
