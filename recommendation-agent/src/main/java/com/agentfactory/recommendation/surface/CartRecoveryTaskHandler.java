package com.agentfactory.recommendation.surface;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class CartRecoveryTaskHandler implements TaskHandler<UserListRequest, CartRecoveryResponse> {

    private final RecommendationService recommendations;

    CartRecoveryTaskHandler(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public String taskType() {
        return "abandoned-cart-recovery";
    }

    @Override
    public String description() {
        return "The recovery list of a user's last abandoned cart: its products still available, then complements; fails when the user has none.";
    }

    @Override
    public UserListRequest example() {
        return new UserListRequest(UUID.randomUUID(), ListLimits.DEFAULT_LIMIT);
    }

    @Override
    public CartRecoveryResponse handle(UserListRequest input, TaskContext context) {
        return recommendations.cartRecovery(input.userId(), input.limit());
    }
}
