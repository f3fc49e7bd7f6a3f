/** Serving: every recommendation surface from the blended models, re-ranked with merchandising rules, cached in Redis, as API and agent tasks. */
package com.agentfactory.recommendation.recommendation;
