package com.agentfactory.recommendation.interaction;

import java.util.UUID;

/** Published when a user's interactions change, so whatever was derived from them can be dropped. */
public record UserBehaviourChanged(UUID userId) {}
