package com.agentfactory.inventory.batch;

import com.agentfactory.inventory.config.OutsideTaskTransaction;
import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import org.springframework.stereotype.Component;

@Component
class RunDailyBatchTaskHandler implements TaskHandler<RunDailyBatchRequest, DailyBatchReport> {

    static final String TASK_TYPE = "run-daily-batch";

    private final DailyBatch batch;
    private final OutsideTaskTransaction outsideTaskTransaction;

    RunDailyBatchTaskHandler(DailyBatch batch, OutsideTaskTransaction outsideTaskTransaction) {
        this.batch = batch;
        this.outsideTaskTransaction = outsideTaskTransaction;
    }

    @Override
    public String taskType() {
        return TASK_TYPE;
    }

    @Override
    public String description() {
        return "Runs the daily inventory batch over every stocked SKU: a new forecast model version and its forecasts,"
                + " reorder plans, overstock, slow-moving and"
                + " expiry alerts, reorder suggestions and approvals within the agent's limit and budget.";
    }

    @Override
    public RunDailyBatchRequest example() {
        return new RunDailyBatchRequest(true, null, 90);
    }

    @Override
    public DailyBatchReport handle(RunDailyBatchRequest input, TaskContext context) {
        // each step commits on its own, and a failed run keeps its failure record, as when scheduled. The task id
        // lets a redelivery of this task take over from a run its dead instance left running
        return outsideTaskTransaction.run(() -> batch.run(input, context.taskId(), context::reportProgress));
    }
}
