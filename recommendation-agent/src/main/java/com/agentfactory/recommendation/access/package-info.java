/** Who may read which recommendations and change the merchandising rules, decided from the request's caller. */
package com.agentfactory.recommendation.access;
