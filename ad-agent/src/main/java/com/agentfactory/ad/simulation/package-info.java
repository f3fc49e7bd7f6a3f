/** Replays logged second-price auctions in budgeted episodes to tune, train and compare bidding policies. */
package com.agentfactory.ad.simulation;
