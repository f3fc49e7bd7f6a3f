package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Activates a stored journey as an agent task, so its trigger starts enrolling customers. */
@Component
class ActivateJourneyTaskHandler implements TaskHandler<ActivateJourneyTask, JourneyResponse> {

    private final JourneyService journeys;

    ActivateJourneyTaskHandler(JourneyService journeys) {
        this.journeys = journeys;
    }

    @Override
    public String taskType() {
        return "activate-journey";
    }

    @Override
    public String description() {
        return "Activates a stored journey so that its trigger enrols customers from now on.";
    }

    @Override
    public ActivateJourneyTask example() {
        return new ActivateJourneyTask(UUID.fromString("5d1f0a8e-2b7c-4e39-9a64-0c3b7e2f9d11"));
    }

    @Override
    public JourneyResponse handle(ActivateJourneyTask input, TaskContext context) {
        return journeys.activate(input.journeyId());
    }
}
