package com.agentfactory.ad.simulation;

/** An auction source a run can replay, with the number of auctions in its log. */
record SimulationSourceResponse(String name, String description, int auctions) {}
