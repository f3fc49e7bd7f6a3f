/** Offline evaluation of the models on train/test interaction files: ranking metrics, coverage and diversity. */
package com.agentfactory.recommendation.evaluation;
