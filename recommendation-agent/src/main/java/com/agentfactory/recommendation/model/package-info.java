/** Recommendation models trained, evaluated and promoted in the service: collaborative, content, session, popularity, and their ensemble. */
package com.agentfactory.recommendation.model;
