package com.agentfactory.recommendation.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The demand for products first sold lately: a shop's new seasonal lines sell to its regular customers
 * before any co-purchase links them to what those customers bought, so collaborative sources rank them
 * low; trained as a {@link TrendingModel} over these signals only, the list follows the customer's country.
 */
public final class NewArrivals {

    private NewArrivals() {}

    /**
     * @param signals the (decayed) signals of every product
     * @param firstSeen when each product was first used; a product missing here is not new
     * @param since products first used at or after this instant are new
     * @return the signals of the new products only
     */
    public static List<Signal> signalsOf(Collection<Signal> signals, Map<String, Instant> firstSeen, Instant since) {
        return signals.stream()
                .filter(signal -> {
                    Instant first = firstSeen.get(signal.itemId());
                    return first != null && !first.isBefore(since);
                })
                .toList();
    }

    /** The trending list of the new products, by country as {@link TrendingModel} ranks it. */
    public static TrendingModel train(
            Collection<Signal> signals,
            Map<String, Instant> firstSeen,
            Instant since,
            Map<String, String> countryOfUser,
            double shrinkage) {
        return TrendingModel.train(signalsOf(signals, firstSeen, since), countryOfUser, shrinkage);
    }
}
