package com.agentfactory.ad.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Decides, at each refresh, which of the bids' claims on a campaign's allowance a snapshot still subtracts from what
 * the allowance shows left. A bid's claim is held until its win could have been recorded: a win notice may come up
 * to the win-notice window after the bid, long after the next refresh, and a claim dropped then would be counted
 * neither in the allowance nor in the claims, so each refresh could promise the whole allowance again. A snapshot
 * therefore subtracts every claim made since the counters' reading of one hold time ago, less the claims of this
 * agent's own bids whose wins were recorded before the allowance was read, which the allowance already counts.
 *
 * <p>What is still imprecise, and in which direction:
 * <ul>
 *   <li>a win notice that comes more than the hold time after its bid is counted nowhere until it is recorded: the
 *       allowance can be overspent by such late wins, which the hold time keeps to the late tail;
 *   <li>a win of this agent's bid recorded by another replica is in the allowance and still held here until the hold
 *       passes, so it is subtracted twice, as is a win recorded between the claims' and the allowance's reading:
 *       the campaign bids less for a while, never more;
 *   <li>a lost bid is held for the whole hold time (exchanges send no loss notice), and a won one at its bid price
 *       until its win, at the lower clearing price, is recorded: again less, never more;
 *   <li>each replica holds only its own claims, against its own lease of the allowance (see
 *       {@link AllowanceLeases}), so replicas together promise no more than the allowance has left.
 * </ul>
 */
final class ClaimHold {

    /**
     * A bid's price is in ten-thousandths of a CPM and its win is charged price / 1000 per impression, so one
     * millionth of the currency per impression is ten price units.
     */
    private static final long PRICE_UNITS_PER_MICRO = 10;

    /** The counters before any bid: every claim since the agent started is held until a reading is old enough. */
    private static final Reading START = new Reading(Instant.MIN, Map.of());

    private final Duration hold;
    private final Clock clock;
    /** A reading per refresh, oldest first, back to the newest one at least the hold time old. */
    private final ArrayDeque<Reading> readings = new ArrayDeque<>();

    private final ConcurrentLinkedQueue<OwnWin> ownWins = new ConcurrentLinkedQueue<>();

    ClaimHold(Duration hold, Clock clock) {
        if (hold.isNegative()) {
            throw new IllegalArgumentException("the claim hold must not be negative: " + hold);
        }
        this.hold = hold;
        this.clock = clock;
    }

    /**
     * Reads the counters; call it before the allowances are read.
     *
     * @return per campaign, the part of {@link ServingSnapshot.Counters#offeredMicros} the snapshot does not subtract
     *     (see {@link ServingSnapshot.Entry#accountedOffered})
     */
    synchronized Map<UUID, Long> accounted(Map<UUID, ServingSnapshot.Counters> counters) {
        Map<UUID, Long> offered = new HashMap<>();
        counters.forEach((id, c) -> offered.put(id, c.offeredMicros.get()));
        // the clock after the counters: a bid whose time is after this claimed after the reading (see ownWinRecorded)
        Instant now = clock.instant();
        readings.addLast(new Reading(now, offered));
        Instant heldFrom = now.minus(hold);
        while (readings.size() > 1) {
            Reading oldest = readings.removeFirst();
            if (readings.getFirst().at().isAfter(heldFrom)) {
                readings.addFirst(oldest);
                break;
            }
        }
        Reading baseline = readings.getFirst().at().isAfter(heldFrom) ? START : readings.getFirst();
        // a claim made before the baseline is no longer held, so its win is not given back either
        ownWins.removeIf(win -> !win.bidAt().isAfter(baseline.at()));
        Map<UUID, Long> accounted = new HashMap<>(baseline.offered());
        for (OwnWin win : ownWins) {
            accounted.merge(win.campaignId(), win.claimMicros(), Long::sum);
        }
        return accounted;
    }

    /**
     * Gives back the claim of one of this agent's bids once its win is committed, so that the allowance, which now
     * counts it, read at the next refresh, is not lowered by it twice.
     *
     * @param bidAt the bid's time as signed in its win notice (to the millisecond, never later than the bid's clock
     *     reading), which the bid read before claiming: a bid after a reading's time claimed after the reading
     * @param claimMicros what the bid claimed, as {@link #claimMicros} of its price
     */
    void ownWinRecorded(UUID campaignId, Instant bidAt, long claimMicros) {
        ownWins.add(new OwnWin(campaignId, bidAt, claimMicros));
    }

    /**
     * What a bid at this price claims: what its win may be charged, its CPM price / 1000 rounded up to the millionth.
     *
     * @param priceUnits the bid's price in ten-thousandths of a CPM, as it is sent
     */
    static long claimMicros(long priceUnits) {
        return (priceUnits + PRICE_UNITS_PER_MICRO - 1) / PRICE_UNITS_PER_MICRO;
    }

    /**
     * The highest bid price whose claim {@code micros} covers, the inverse of {@link #claimMicros}.
     *
     * @return the price in ten-thousandths of a CPM
     */
    static long priceUnitsCovered(long micros) {
        return micros * PRICE_UNITS_PER_MICRO;
    }

    private record Reading(Instant at, Map<UUID, Long> offered) {}

    private record OwnWin(UUID campaignId, Instant bidAt, long claimMicros) {}
}
