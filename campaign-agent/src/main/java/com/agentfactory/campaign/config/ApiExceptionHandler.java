package com.agentfactory.campaign.config;

import com.agentfactory.campaign.campaign.TransitionNotAllowedException;
import com.agentfactory.campaign.delivery.TemplateChangedException;
import com.agentfactory.campaign.segment.SegmentPreviewTimedOutException;
import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for this service's API; the shared domain exceptions are mapped by the support class. */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {

    // the usual 409, plus the states the campaign could move to, so a client need not parse the message
    @ExceptionHandler(TransitionNotAllowedException.class)
    ResponseEntity<ProblemDetail> handleTransitionNotAllowed(TransitionNotAllowedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        problem.setProperty("allowed_states", e.allowedStates());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    // RFC 9110: a save whose If-Match (or If-None-Match) no longer holds is a failed precondition, not a conflict
    @ExceptionHandler(TemplateChangedException.class)
    ResponseEntity<ProblemDetail> handleTemplateChanged(TemplateChangedException e) {
        return problemResponse(HttpStatus.PRECONDITION_FAILED, "Precondition failed", e.getMessage());
    }

    // the rule matched more than the preview may spend time counting: nothing is wrong with it, so no 4xx or 500
    @ExceptionHandler(SegmentPreviewTimedOutException.class)
    ResponseEntity<ProblemDetail> handleSegmentPreviewTimedOut(SegmentPreviewTimedOutException e) {
        return problemResponse(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", e.getMessage());
    }
}
