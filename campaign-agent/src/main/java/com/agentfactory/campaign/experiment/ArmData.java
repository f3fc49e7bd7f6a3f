package com.agentfactory.campaign.experiment;

/**
 * One arm's observations of the primary metric, in the order they arrived: {@code values[i]} is the i-th unit's
 * metric (0 or 1 for a conversion metric). Units must be independent, so they are the units randomised (customers
 * for a journey's split, however often each entered). The order matters only to the sequential test.
 * {@code assigned} is how many units the assignment gave the arm, those whose metric is not known yet included (a
 * customer still waiting before a delayed arm's mail): the sample-ratio check weighs it, as the arm is no smaller for
 * their outcome coming later.
 */
public record ArmData(String label, double[] values, long assigned) {

    public ArmData {
        if (assigned < values.length) {
            throw new IllegalArgumentException(
                    "arm '" + label + "' has " + values.length + " units but only " + assigned + " assigned");
        }
    }

    /** An arm whose every assigned unit has its metric. */
    public ArmData(String label, double[] values) {
        this(label, values, values.length);
    }

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
