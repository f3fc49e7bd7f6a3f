/** A/B experiments: two-proportion and Welch tests with intervals, mSPRT always-valid p-values, the decision. */
package com.agentfactory.campaign.experiment;
