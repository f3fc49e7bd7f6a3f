/** Sentiment: polarity from a support-domain lexicon with VADER's rules, plus frustration and urgency flags. */
package com.agentfactory.support.sentiment;
