/** Intent classification: sentence embeddings and TF-IDF n-grams into a softmax classifier, with a versioned model artefact. */
package com.agentfactory.support.intent;
