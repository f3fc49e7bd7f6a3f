/** Bidding policies (linear, RLB dynamic programming, DQN) and budget pacing for one campaign's auctions. */
package com.agentfactory.ad.policy;
