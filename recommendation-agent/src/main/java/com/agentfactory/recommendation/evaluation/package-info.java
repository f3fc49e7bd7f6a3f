/** Offline evaluation of the models on interaction files: ranking metrics, coverage, diversity and rating error. */
package com.agentfactory.recommendation.evaluation;
