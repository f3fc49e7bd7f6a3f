package com.agentfactory.recommendation.interaction;

public enum InteractionKind {
    VIEW,
    CART,
    PURCHASE
}
