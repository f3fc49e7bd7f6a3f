package com.agentfactory.support.returns;

/**
 * What a return request came to. A refusal is an answer, not an error: the request is still filed for the desk,
 * and nothing of the attempt is rolled back around it.
 */
public sealed interface ReturnOutcome {

    record Authorised(ReturnAuthorisation authorisation) implements ReturnOutcome {}

    /** @param reason why not, for the desk and the task's output: unknown order, cancelled, already returned */
    record Refused(String reason) implements ReturnOutcome {}
}
