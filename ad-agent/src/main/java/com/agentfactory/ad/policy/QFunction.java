package com.agentfactory.ad.policy;

/** Action values of a trained Q-network for one state's features. */
@FunctionalInterface
public interface QFunction {

    float[] actionValues(float[] features);
}
