package com.agentfactory.messaging.runtime;

/**
 * Handles one task type of an agent: a record pair (input {@code I}, output {@code O}) plus this class. The
 * runtime reads the task's {@code input_data} into {@code I} and checks its Bean Validation constraints before
 * the handler runs, so a handler only ever sees valid input; invalid input fails the task at once with the
 * fields at fault. The runtime calls the handler inside the transaction that records the task as handled, so
 * database effects made through the same DataSource happen exactly once.
 *
 * <p>Throw one of the {@link com.agentfactory.messaging.error.DomainException}s for a request that can never
 * succeed (not found, conflict, a rule refuses it): the task fails at once, without retries. Any other
 * exception is retried with backoff, then the task is failed for a person to look at.
 *
 * <p>The records also describe the task type to everyone else: the runtime publishes JSON Schemas generated
 * from them, with {@link #example()}, and the supervisor checks each new task's input against that schema.
 *
 * @param <I> the input record; the same record as the REST request where both exist, so limits are declared once
 * @param <O> the output record, stored by the supervisor as the task's output
 */
public interface TaskHandler<I, O> {

    /** The task type, lower-case words joined by dashes ({@code recommend-products}). */
    String taskType();

    /** One sentence on what the task does, for the task-type catalogue. */
    String description();

    /** A valid input, shown in the catalogue; the runtime refuses to start if it is not valid. */
    I example();

    O handle(I input, TaskContext context) throws Exception;
}
