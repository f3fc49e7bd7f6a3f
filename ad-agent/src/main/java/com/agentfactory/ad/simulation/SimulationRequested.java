package com.agentfactory.ad.simulation;

import java.util.UUID;

/** A run was queued; published inside the transaction that stores it, acted on once that commits. */
record SimulationRequested(UUID runId) {}
