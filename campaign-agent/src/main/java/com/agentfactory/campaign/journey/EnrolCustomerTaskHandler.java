package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Enrols a known customer into an active journey as an agent task. */
@Component
class EnrolCustomerTaskHandler implements TaskHandler<EnrolCustomerTask, EnrolmentResponse> {

    private final JourneyService journeys;

    EnrolCustomerTaskHandler(JourneyService journeys) {
        this.journeys = journeys;
    }

    @Override
    public String taskType() {
        return "enrol-customer";
    }

    @Override
    public String description() {
        return "Enrols a known customer into an active journey, which then runs its steps for them. The trigger's"
                + " re_entry policy is not applied: a customer named here enters again even when the trigger would not"
                + " enrol them again; a customer still in the journey is refused as a conflict.";
    }

    @Override
    public EnrolCustomerTask example() {
        return new EnrolCustomerTask(
                UUID.fromString("5d1f0a8e-2b7c-4e39-9a64-0c3b7e2f9d11"),
                UUID.fromString("8a6b2c4d-1e3f-4a5b-8c7d-9e0f1a2b3c4d"),
                Map.of("cart_value", "79.90", "currency", "GBP"));
    }

    @Override
    public EnrolmentResponse handle(EnrolCustomerTask input, TaskContext context) {
        return journeys.enrol(input.journeyId(), input.customerId(), input.context());
    }
}
