package com.agentfactory.supervisor.task;

import java.util.List;

/** The tasks of a batch as accepted, in the order they were sent. */
record TaskBatchCreatedResponse(List<TaskCreatedResponse> tasks) {}
