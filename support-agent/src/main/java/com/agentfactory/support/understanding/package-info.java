/** What a customer message says: language, intents, entities and sentiment, produced by the language pipeline. */
package com.agentfactory.support.understanding;
