-- The task types each agent type announced on agent.capabilities, with their schemas; an announcement
-- replaces the agent type's previous set, so a task type it no longer lists disappears.
CREATE TABLE agent_capabilities (
    agent_type     TEXT        NOT NULL,
    task_type      TEXT        NOT NULL,
    description    TEXT,
    input_schema   JSONB       NOT NULL,
    output_schema  JSONB,
    example_input  JSONB,
    announced_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (agent_type, task_type)
);

CREATE INDEX agent_capabilities_task_type_idx ON agent_capabilities (task_type);

-- Why an agent failed a task (its failure kind) and the input fields at fault, shown with the task.
ALTER TABLE tasks ADD COLUMN failure TEXT;
ALTER TABLE tasks ADD COLUMN errors JSONB;
