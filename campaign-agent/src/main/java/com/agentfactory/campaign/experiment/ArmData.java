package com.agentfactory.campaign.experiment;

/**
 * One arm's observations of the primary metric, in the order they arrived: {@code values[i]} is the i-th unit's
 * metric (0 or 1 for a conversion metric). Units must be independent, so they are the units randomised (customers
 * for a journey's split, however often each entered). The order matters only to the sequential test.
 */
public record ArmData(String label, double[] values) {

    public long units() {
        return values.length;
    }

    public double sum() {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    public double mean() {
        return values.length == 0 ? Double.NaN : sum() / values.length;
    }

    /** The sample standard deviation (n - 1 in the denominator). */
    public double standardDeviation() {
        return new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation().evaluate(values);
    }

    public boolean binary() {
        for (double value : values) {
            if (value != 0.0 && value != 1.0) {
                return false;
            }
        }
        return true;
    }
}
