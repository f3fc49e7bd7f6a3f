/** Serving: "for you" and similar-product lists from the models, re-ranked, cached in Redis, as API and agent tasks. */
package com.agentfactory.recommendation.recommendation;
