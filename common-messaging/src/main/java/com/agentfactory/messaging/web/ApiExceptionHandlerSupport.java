package com.agentfactory.messaging.web;

import com.agentfactory.messaging.error.ConflictException;
import com.agentfactory.messaging.error.DomainException;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.NotFoundException;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.json.JsonReadErrors;
import com.agentfactory.messaging.text.StorableText;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for everything the framework rejects, with the fields at fault listed under
 * {@code errors}, and for the shared domain exceptions (400, 422, 404, 409, 403). Each service's
 * {@code @RestControllerAdvice} extends this and maps what is its own; anything unexpected becomes a 500
 * without internals.
 */
public abstract class ApiExceptionHandlerSupport extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandlerSupport.class);
    // PostgreSQL: untranslatable_character (a \u0000 escape in jsonb), character_not_in_repertoire (a NUL in text)
    private static final java.util.Set<String> UNSTORABLE_TEXT = java.util.Set.of("22P05", "22021");

    public static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    /** With the fields at fault under {@code errors}; without that member when no single field is at fault. */
    public static ProblemDetail problem(
            HttpStatusCode status, String title, String detail, List<FieldErrorDetail> errors) {
        ProblemDetail problem = problem(status, title, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** A problem as the whole response, its status given once. */
    public static ResponseEntity<ProblemDetail> problemResponse(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(problem(status, title, detail));
    }

    /** Java names are camelCase; the APIs speak snake_case, so field paths are reported that way. */
    public static String snakeCase(String path) {
        return FieldErrorDetail.snakeCase(path);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> handleInvalidInput(InvalidInputException e) {
        return domainProblem(HttpStatus.BAD_REQUEST, "Invalid request", e);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> handleRuleViolation(RuleViolationException e) {
        return domainProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", e);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> handleNotFound(NotFoundException e) {
        return domainProblem(HttpStatus.NOT_FOUND, "Not found", e);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> handleConflict(ConflictException e) {
        return domainProblem(HttpStatus.CONFLICT, "Conflict", e);
    }

    @ExceptionHandler(NotPermittedException.class)
    ResponseEntity<ProblemDetail> handleNotPermitted(NotPermittedException e) {
        return domainProblem(HttpStatus.FORBIDDEN, "Forbidden", e);
    }

    private static ResponseEntity<ProblemDetail> domainProblem(HttpStatus status, String title, DomainException e) {
        ProblemDetail body = e.errors().isEmpty()
                ? problem(status, title, e.getMessage())
                : problem(status, title, e.getMessage(), e.errors());
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
        List<FieldErrorDetail> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldErrorDetail(RequestParameterNames.of(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldErrorDetail::field))
                .toList();
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields.", errors));
    }

    /**
     * Text PostgreSQL cannot store (a NUL inside free-form JSON that no typed field checked) is the caller's error;
     * any other integrity failure is ours.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleDataIntegrityViolation(DataIntegrityViolationException e) {
        if (e.getMostSpecificCause() instanceof SQLException sql && UNSTORABLE_TEXT.contains(sql.getSQLState())) {
            return problemResponse(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "The request contains text that cannot be stored: it " + StorableText.NUL_MESSAGE + ".");
        }
        return handleUnexpected(e);
    }

    /**
     * Two requests changed the same row at once (an optimistic version check, a lock timeout, a deadlock or a
     * serialization failure): the loser's change was rolled back whole, so asking again is safe.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> handleConcurrencyFailure(ConcurrencyFailureException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return problemResponse(
                HttpStatus.CONFLICT,
                "Conflict",
                "The resource was changed by another request at the same time; read it again and retry.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldErrorDetail> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldErrorDetail(snakeCase(error.getField()), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldErrorDetail::field))
                .toList();
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldErrorDetail> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldErrorDetail(
                                RequestParameterNames.of(result.getMethodParameter()), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid parameters.", errors));
    }

    /**
     * A query parameter, path variable or header that does not convert ({@code ?status=actve}, a malformed UUID in the
     * path): named under {@code errors} with what it must be, as a body field would be.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument
                ? RequestParameterNames.of(argument.getParameter())
                : snakeCase(String.valueOf(ex.getPropertyName()));
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid request",
                        "The request has invalid parameters.",
                        List.of(new FieldErrorDetail(name, expected(ex.getRequiredType())))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "Invalid request",
                        "The request has invalid parameters.",
                        List.of(new FieldErrorDetail(ex.getParameterName(), "is required"))));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date (yyyy-mm-dd)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "must be a date and time (ISO 8601, e.g. 2026-01-31T12:00:00Z)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        return "has an invalid value";
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "Malformed request body",
                        JsonReadErrors.detail(cause),
                        JsonReadErrors.fieldErrors(cause)));
    }
}
