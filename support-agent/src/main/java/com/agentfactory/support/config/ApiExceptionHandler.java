package com.agentfactory.support.config;

import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import com.agentfactory.messaging.web.FieldErrorDetail;
import com.agentfactory.support.conversation.ConversationNotFoundException;
import com.agentfactory.support.conversation.InvalidMessageException;
import com.agentfactory.support.ticket.TicketNotFoundException;
import com.agentfactory.support.ticket.TicketStateException;
import com.agentfactory.support.understanding.UnanalyzableTextException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for this service's API, with the domain exceptions mapped to their status. */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {

    @ExceptionHandler(InvalidMessageException.class)
    ResponseEntity<ProblemDetail> handleInvalidMessage(InvalidMessageException e) {
        HttpStatus status = e.unprocessable() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status)
                .body(problem(
                        status,
                        "Invalid message",
                        "The message cannot be processed: " + e.field() + " " + e.getMessage() + ".",
                        List.of(new FieldErrorDetail(e.field(), e.getMessage()))));
    }

    // The API validates messages before analysing them; this is the net for a caller that reaches the analyser
    // another way (a task, a future channel) with text it cannot read.
    @ExceptionHandler(UnanalyzableTextException.class)
    ResponseEntity<ProblemDetail> handleUnanalyzable(UnanalyzableTextException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Unreadable message",
                        "The message cannot be analysed: " + e.getMessage(),
                        List.of(new FieldErrorDetail("message", e.reason()))));
    }

    @ExceptionHandler(ConversationNotFoundException.class)
    ResponseEntity<ProblemDetail> handleConversationNotFound(ConversationNotFoundException e) {
        return problemResponse(HttpStatus.NOT_FOUND, "Conversation not found", e.getMessage());
    }

    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<ProblemDetail> handleTicketNotFound(TicketNotFoundException e) {
        return problemResponse(HttpStatus.NOT_FOUND, "Ticket not found", e.getMessage());
    }

    @ExceptionHandler(TicketStateException.class)
    ResponseEntity<ProblemDetail> handleTicketState(TicketStateException e) {
        return problemResponse(HttpStatus.CONFLICT, "Ticket not in the right state", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> handleForbidden(ForbiddenException e) {
        return problemResponse(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }
}
