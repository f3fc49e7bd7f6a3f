/** The re-ranking every list goes through: eligibility, margin and boost scoring, category diversity, pins. */
package com.agentfactory.recommendation.rerank;
