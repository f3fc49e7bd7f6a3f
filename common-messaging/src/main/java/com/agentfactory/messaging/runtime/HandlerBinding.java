package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.capability.TaskTypeDescriptor;
import com.agentfactory.messaging.error.InvalidInputException;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.JsonNode;

/** A handler with the input and output records its type arguments name, and what they tell the world. */
final class HandlerBinding<I, O> {

    private final TaskHandler<I, O> handler;
    private final Class<I> inputType;
    private final Class<O> outputType;

    private HandlerBinding(TaskHandler<I, O> handler, Class<I> inputType, Class<O> outputType) {
        this.handler = handler;
        this.inputType = inputType;
        this.outputType = outputType;
    }

    @SuppressWarnings("unchecked")
    static <I, O> HandlerBinding<I, O> of(TaskHandler<I, O> handler) {
        Class<?> handlerClass = AopUtils.getTargetClass(handler);
        ResolvableType declared = ResolvableType.forClass(handlerClass).as(TaskHandler.class);
        Class<?> input = declared.getGeneric(0).resolve();
        Class<?> output = declared.getGeneric(1).resolve();
        if (input == null || output == null) {
            throw new IllegalStateException(
                    handlerClass.getName() + " must name its input and output records as TaskHandler's type arguments");
        }
        return new HandlerBinding<>(handler, (Class<I>) input, (Class<O>) output);
    }

    String taskType() {
        return handler.taskType();
    }

    Class<?> handlerClass() {
        return AopUtils.getTargetClass(handler);
    }

    /** @throws InvalidInputException when the input cannot be read or breaks a constraint */
    I read(TaskInputReader reader, JsonNode input) {
        return reader.read(input, inputType);
    }

    JsonNode run(TaskInputReader reader, I input, TaskContext context) throws Exception {
        return reader.write(handler.handle(input, context));
    }

    /** The catalogue entry; refuses an example the handler itself would reject, so every published example works. */
    TaskTypeDescriptor describe(TaskSchemas schemas, TaskInputReader reader) {
        I example = handler.example();
        try {
            reader.check(example);
        } catch (InvalidInputException e) {
            throw new IllegalStateException(
                    "the example input of task type " + taskType() + " is invalid: " + e.errors(), e);
        }
        return new TaskTypeDescriptor(
                taskType(),
                handler.description(),
                schemas.schemaOf(inputType),
                schemas.schemaOf(outputType),
                reader.write(example));
    }
}
