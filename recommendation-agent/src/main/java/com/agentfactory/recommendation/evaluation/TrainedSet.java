package com.agentfactory.recommendation.evaluation;

import com.agentfactory.recommendation.model.AlsModel;
import com.agentfactory.recommendation.model.BiasedMfModel;
import com.agentfactory.recommendation.model.ContentModel;
import com.agentfactory.recommendation.model.EaseModel;
import com.agentfactory.recommendation.model.ItemCfModel;
import com.agentfactory.recommendation.model.PopularityModel;
import com.agentfactory.recommendation.model.ScoredItem;
import com.agentfactory.recommendation.model.SessionModel;
import com.agentfactory.recommendation.model.TrendingModel;
import com.agentfactory.recommendation.model.UserCfModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every model trained on one training set, and the candidate list each proposes to a user by source name:
 * the sources the served ensemble blends. A model that cannot learn from the data is not trained and is
 * named in {@link #skipped()}: rating MF when every interaction carries the same rating, content when the
 * file has no item texts.
 */
record TrainedSet(
        TrainingData data,
        PopularityModel popularity,
        TrendingModel trending,
        TrendingModel newArrivals,
        ItemCfModel itemCf,
        UserCfModel userCf,
        EaseModel ease,
        EaseModel easeDecayed,
        AlsModel als,
        SessionModel session,
        ContentModel content,
        BiasedMfModel ratingsMf,
        Map<String, String> skipped,
        double historyHalfLifeDays) {

    static TrainedSet train(List<InteractionFile.Row> oldestFirst, EvaluationMain.Settings settings) {
        TrainingData data = TrainingData.of(oldestFirst, settings.useRatings());
        Map<String, String> skipped = new LinkedHashMap<>();
        long alsStart = System.nanoTime();
        AlsModel als = AlsModel.train(data.signals(), settings.als());
        System.out.printf(
                Locale.ROOT, "als trained in %.1f s (%s)%n", (System.nanoTime() - alsStart) / 1e9, settings.als());
        ContentModel content = null;
        if (data.texts().isEmpty()) {
            skipped.put(EvaluationMain.CONTENT, "the file has no item texts");
        } else {
            content = ContentModel.train(data.texts(), settings.neighbours());
        }
        BiasedMfModel ratingsMf = null;
        if (data.ratingsVary()) {
            List<com.agentfactory.recommendation.model.Signal> rated = new ArrayList<>();
            data.ratings()
                    .forEach((user, items) -> items.forEach((item, rating) ->
                            rated.add(new com.agentfactory.recommendation.model.Signal(user, item, rating))));
            ratingsMf = BiasedMfModel.train(rated, settings.mf());
        } else {
            skipped.put(EvaluationMain.RATINGS_MF, "every interaction has the same rating: nothing to learn");
        }
        return new TrainedSet(
                data,
                PopularityModel.train(data.signals(), Map.of()),
                TrendingModel.train(
                        data.decayed(settings.trendHalfLifeDays()), data.countries(), settings.countryShrinkage()),
                newArrivals(
                        data,
                        settings.newArrivalDays(),
                        settings.newArrivalHalfLifeDays(),
                        settings.countryShrinkage()),
                ItemCfModel.train(data.signals(), settings.itemNeighbours()),
                UserCfModel.train(data.signals(), settings.userNeighbours()),
                EaseModel.train(data.signals(), settings.easeLambda(), 20_000),
                // as the service trains: every signal halved by age, so recent co-purchases weigh most
                EaseModel.train(data.decayed(settings.historyHalfLifeDays()), settings.easeLambda(), 20_000),
                als,
                SessionModel.train(data.sequence(), 3, settings.neighbours()),
                content,
                ratingsMf,
                skipped,
                settings.historyHalfLifeDays());
    }

    /** Trending among the items first sold in the last {@code days} of the training period. */
    static TrendingModel newArrivals(TrainingData data, double days, double halfLifeDays, double countryShrinkage) {
        java.time.Instant since = java.time.Instant.ofEpochSecond(data.lastTimestamp() - Math.round(days * 86_400));
        return com.agentfactory.recommendation.model.NewArrivals.train(
                data.decayed(halfLifeDays), data.firstSeen(), since, data.countries(), countryShrinkage);
    }

    /** The same models with another new-arrivals list: the validation sweep tries them without retraining. */
    TrainedSet withNewArrivals(TrendingModel arrivals) {
        return new TrainedSet(
                data,
                popularity,
                trending,
                arrivals,
                itemCf,
                userCf,
                ease,
                easeDecayed,
                als,
                session,
                content,
                ratingsMf,
                skipped,
                historyHalfLifeDays);
    }

    /** The same models with EASE retrained at {@code lambda}, its decayed twin at {@code halfLifeDays}. */
    TrainedSet withEase(double lambda, double halfLifeDays) {
        return new TrainedSet(
                data,
                popularity,
                trending,
                newArrivals,
                itemCf,
                userCf,
                EaseModel.train(data.signals(), lambda, 20_000),
                EaseModel.train(data.decayed(halfLifeDays), lambda, 20_000),
                als,
                session,
                content,
                ratingsMf,
                skipped,
                halfLifeDays);
    }

    /** The sources trained here, in report order. */
    List<String> sourceNames() {
        List<String> names = new ArrayList<>(List.of(
                EvaluationMain.ITEM_CF,
                EvaluationMain.USER_CF,
                EvaluationMain.EASE,
                EvaluationMain.ALS,
                EvaluationMain.SESSION));
        if (content != null) {
            names.add(EvaluationMain.CONTENT);
        }
        if (ratingsMf != null) {
            names.add(EvaluationMain.RATINGS_MF);
        }
        names.add(EvaluationMain.ITEM_CF_RECENT);
        names.add(EvaluationMain.EASE_RECENT);
        names.add(EvaluationMain.EASE_DECAYED);
        names.add(EvaluationMain.TRENDING);
        names.add(EvaluationMain.NEWLY_SELLING);
        names.add(EvaluationMain.POPULARITY);
        return names;
    }

    /** One source's list for a user (empty from the personal sources for a user unknown in training). */
    List<ScoredItem> source(String name, String user, String country, Set<String> exclude, int n) {
        Map<String, Double> history = data.history().getOrDefault(user, Map.of());
        return switch (name) {
            case EvaluationMain.ITEM_CF -> itemCf.recommend(history, exclude, n);
            case EvaluationMain.USER_CF -> userCf.recommend(history, exclude, n);
            case EvaluationMain.EASE -> ease.recommend(history, exclude, n);
            case EvaluationMain.ALS -> history.isEmpty() ? List.of() : als.recommend(history, exclude, n);
            case EvaluationMain.SESSION -> session.next(data.recent().getOrDefault(user, List.of()), exclude, n);
            case EvaluationMain.CONTENT -> content == null ? List.of() : content.recommend(history, exclude, n);
            case EvaluationMain.RATINGS_MF ->
                ratingsMf == null
                        ? List.of()
                        : ratingsMf.recommend(data.ratings().getOrDefault(user, Map.of()), exclude, n);
            case EvaluationMain.ITEM_CF_RECENT ->
                itemCf.recommend(data.recentHistory(user, historyHalfLifeDays), exclude, n);
            case EvaluationMain.EASE_RECENT ->
                ease.recommend(data.recentHistory(user, historyHalfLifeDays), exclude, n);
            case EvaluationMain.EASE_DECAYED ->
                easeDecayed.recommend(data.recentHistory(user, historyHalfLifeDays), exclude, n);
            case EvaluationMain.TRENDING -> trending.top(country, exclude, n);
            case EvaluationMain.NEWLY_SELLING -> newArrivals.top(country, exclude, n);
            case EvaluationMain.POPULARITY -> popularity.top(exclude, n);
            default -> throw new IllegalArgumentException("no source " + name);
        };
    }

    Map<String, List<ScoredItem>> sources(String user, String country, Set<String> exclude, int n) {
        Map<String, List<ScoredItem>> sources = new LinkedHashMap<>();
        for (String name : sourceNames()) {
            sources.put(name, source(name, user, country, exclude, n));
        }
        return sources;
    }
}
