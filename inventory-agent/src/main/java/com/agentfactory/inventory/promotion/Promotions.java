package com.agentfactory.inventory.promotion;

import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.messaging.error.ConflictException;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.time.YearRange;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned price promotions. Only an administrator or a marketing manager plans or cancels one; each names who and
 * why, and is kept after it ends (cancelled ones too): past promotions are what a SKU's response to a discount is
 * measured on.
 */
@Service
public class Promotions {

    private static final Logger log = LoggerFactory.getLogger(Promotions.class);
    /** A promotion runs at most a year: longer, the price cut is the usual price. */
    private static final int LONGEST_DAYS = 366;
    /** How far ahead a promotion can be planned. */
    private static final int FURTHEST_YEARS = 2;

    private final PromotionRepository promotions;
    private final StockService stock;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Promotions(PromotionRepository promotions, StockService stock, JdbcTemplate jdbc, Clock clock) {
        this.promotions = promotions;
        this.stock = stock;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    PromotionResponse create(CreatePromotionRequest request, Caller caller) {
        requirePlanner(caller);
        stock.requireStocked(request.sku());
        LocalDate today = LocalDate.now(clock);
        // the store's bound holds whatever day today is; the window around today below is the promotion's own
        YearRange.RECORDS.requireContains("starts_on", request.startsOn(), RuleViolationException::of);
        YearRange.RECORDS.requireContains("ends_on", request.endsOn(), RuleViolationException::of);
        // past days are history: a promotion that did not run then would be measured as if it had
        if (request.startsOn().isBefore(today)) {
            throw RuleViolationException.of(
                    "starts_on", "must be today (" + today + ") or later: a promotion is planned");
        }
        if (request.startsOn().isAfter(today.plusYears(FURTHEST_YEARS))) {
            throw RuleViolationException.of("starts_on", "must be within " + FURTHEST_YEARS + " years of today");
        }
        if (!request.endsOn().isAfter(request.startsOn())) {
            throw RuleViolationException.of("ends_on", "must be after starts_on (" + request.startsOn() + ")");
        }
        if (ChronoUnit.DAYS.between(request.startsOn(), request.endsOn()) > LONGEST_DAYS) {
            throw RuleViolationException.of("ends_on", "a promotion runs at most " + LONGEST_DAYS + " days");
        }
        // two planners of the same SKU at once: the second waits for the first's commit, then sees its promotion
        lockPromotionsOf(request.sku());
        List<Promotion> overlapping = promotions.running(request.sku(), request.startsOn(), request.endsOn());
        if (!overlapping.isEmpty()) {
            throw new ConflictException("promotion " + overlapping.getFirst().getId() + " of " + request.sku()
                    + " already runs on some of these days; cancel it first");
        }
        var saved = promotions.save(new Promotion(
                request.sku(),
                request.discountPercent(),
                request.startsOn(),
                request.endsOn(),
                caller.userId(),
                request.reason(),
                clock.instant()));
        log.info(
                "promotion {} of {} by {}: {}% off from {} until {}, because {}",
                saved.getId(),
                request.sku(),
                caller.userId(),
                request.discountPercent(),
                request.startsOn(),
                request.endsOn(),
                request.reason());
        return saved.response();
    }

    @Transactional
    PromotionResponse cancel(UUID id, String reason, Caller caller) {
        requirePlanner(caller);
        Promotion promotion = promotions.findById(id).orElseThrow(() -> new PromotionNotFoundException(id));
        if (promotion.cancelled()) {
            throw new ConflictException("promotion " + id + " was already cancelled");
        }
        LocalDate today = LocalDate.now(clock);
        if (promotion.endedBefore(today)) {
            throw new ConflictException("promotion " + id + " has ended: what it did stays on record");
        }
        promotion.cancel(caller.userId(), reason, clock.instant(), today);
        log.info("promotion {} cancelled by {}, because {}", id, caller.userId(), reason);
        return promotions.save(promotion).response();
    }

    @Transactional(readOnly = true)
    List<PromotionResponse> of(String sku) {
        return promotions.findBySkuOrderByStartsOnDescCreatedAtDesc(sku).stream()
                .map(Promotion::response)
                .toList();
    }

    @Transactional(readOnly = true)
    PromotionResponse get(UUID id) {
        return promotions.findById(id).map(Promotion::response).orElseThrow(() -> new PromotionNotFoundException(id));
    }

    /**
     * The SKU's promotions running on some day from {@code from} until (not including) {@code until}, earliest first:
     * those called off before they started left out, those cut short up to the day they were called off.
     */
    @Transactional(readOnly = true)
    public List<PlannedPromotion> running(String sku, LocalDate from, LocalDate until) {
        return promotions.running(sku, from, until).stream()
                .map(Promotion::planned)
                .toList();
    }

    /**
     * Waits for any other transaction planning a promotion of the SKU; released at commit. A PostgreSQL advisory
     * lock, because what is locked is a SKU's calendar, not a row that exists.
     */
    private void lockPromotionsOf(String sku) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                (RowCallbackHandler) row -> {},
                "promotions:" + sku);
    }

    private static void requirePlanner(Caller caller) {
        if (caller.userId() == null || !caller.hasAnyRole(Caller.ADMIN, Caller.MARKETING_MANAGER)) {
            throw new NotPermittedException("only an administrator or a marketing manager plans promotions");
        }
    }
}
