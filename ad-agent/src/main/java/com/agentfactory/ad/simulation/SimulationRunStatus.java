package com.agentfactory.ad.simulation;

/** QUEUED until a worker claims it, RUNNING while it replays, then COMPLETED with results or FAILED with the reason. */
enum SimulationRunStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED
}
