package com.agentfactory.ad.allocation;

import com.agentfactory.ad.campaign.TaskActors;
import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.stereotype.Component;

/** Runs one reallocation round now. */
@Component
class AllocateBudgetTaskHandler
        implements TaskHandler<AllocateBudgetTaskHandler.Request, AllocateBudgetTaskHandler.Result> {

    /** @param reason why the round is run now, for the record; optional */
    record Request(@Size(max = 500) String reason) {}

    record Result(List<Allocation> allocations) {}

    private final BudgetAllocations allocations;

    AllocateBudgetTaskHandler(BudgetAllocations allocations) {
        this.allocations = allocations;
    }

    @Override
    public String taskType() {
        return "allocate-budget";
    }

    @Override
    public String description() {
        return "Reallocates the active ad campaigns' daily budgets by Thompson sampling on their conversions, with a reason per campaign.";
    }

    @Override
    public Request example() {
        return new Request("weekly review");
    }

    @Override
    public Result handle(Request input, TaskContext context) {
        return new Result(allocations.allocate(TaskActors.of(context)));
    }
}
