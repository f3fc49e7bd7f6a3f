/** Merchandising rules (pin, boost, block): their admin API and the set in force that every list applies. */
package com.agentfactory.recommendation.rule;
