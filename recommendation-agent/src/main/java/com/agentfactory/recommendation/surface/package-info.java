/** Serving: every recommendation surface from the blended models, re-ranked and cached in Redis, as API and agent tasks. */
package com.agentfactory.recommendation.surface;
