package com.agentfactory.ad.prediction;

import java.util.Map;

/** Maps a model's raw scores to observed rates, since a bid multiplies probabilities and needs them unbiased. */
sealed interface Calibrator permits PlattCalibrator, IsotonicCalibrator, Calibrator.Identity {

    double apply(double score);

    /** The parameters, for the saved model's description. */
    Map<String, Object> describe();

    static Calibrator fit(String method, double[] scores, int[] labels) {
        return switch (method) {
            case "platt" -> PlattCalibrator.fit(scores, labels);
            case "isotonic" -> IsotonicCalibrator.fit(scores, labels);
            case "none" -> new Identity();
            default -> throw new IllegalArgumentException("unknown calibration '" + method + "'");
        };
    }

    @SuppressWarnings("unchecked")
    static Calibrator fromDescription(Map<String, Object> description) {
        return switch (String.valueOf(description.get("method"))) {
            case "platt" ->
                new PlattCalibrator(
                        ((Number) description.get("a")).doubleValue(), ((Number) description.get("b")).doubleValue());
            case "isotonic" ->
                new IsotonicCalibrator(
                        toArray((java.util.List<Number>) description.get("x")),
                        toArray((java.util.List<Number>) description.get("y")));
            default -> new Identity();
        };
    }

    private static double[] toArray(java.util.List<Number> numbers) {
        return numbers.stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** No calibration: the scores are used as they are. */
    record Identity() implements Calibrator {
        @Override
        public double apply(double score) {
            return score;
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("method", "none");
        }
    }
}
