package com.agentfactory.recommendation.interaction;

enum InteractionKind {
    VIEW,
    CART,
    PURCHASE
}
