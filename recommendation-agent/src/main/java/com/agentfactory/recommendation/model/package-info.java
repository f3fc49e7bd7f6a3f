/** Recommendation models trained in the service from stored interactions: popularity and item-item collaborative filtering. */
package com.agentfactory.recommendation.model;
