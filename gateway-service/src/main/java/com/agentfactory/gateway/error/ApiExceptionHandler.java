package com.agentfactory.gateway.error;

import com.agentfactory.gateway.auth.AccountLockedException;
import com.agentfactory.gateway.auth.InvalidCredentialsException;
import com.agentfactory.gateway.user.CustomerAccountExistsException;
import com.agentfactory.gateway.user.DuplicateEmailException;
import com.agentfactory.gateway.user.LastAdminException;
import com.agentfactory.gateway.user.UserNotFoundException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;

/** Problem details for everything the gateway's own controllers throw, its domain exceptions included. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    // PostgreSQL: character_not_in_repertoire (a NUL in text), untranslatable_character (a \u0000 escape in jsonb)
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetailWriter.problem(
                HttpStatus.BAD_REQUEST, "Invalid request", "One or more fields are invalid.");
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(ApiExceptionHandler::fieldError)
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ErrorCauses.find(ex, DataBufferLimitException.class) != null) {
            return tooLarge(ex, exchange);
        }
        RequestParam param = ex.getMethodParameter() == null
                ? null
                : ex.getMethodParameter().getParameterAnnotation(RequestParam.class);
        if (param != null) {
            // a query parameter of the wrong type, e.g. an unknown event type or a malformed id
            String name = param.name().isEmpty() ? ex.getMethodParameter().getParameterName() : param.name();
            ProblemDetail problem = ProblemDetailWriter.problem(
                    HttpStatus.BAD_REQUEST, "Invalid request", "One or more parameters are invalid.");
            problem.setProperty("errors", List.of(Map.of("field", name, "message", "is not a valid value")));
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
        }
        // never echo parser internals back to the caller; name the field at fault when the parser knows it
        ProblemDetail problem = ProblemDetailWriter.problem(
                HttpStatus.BAD_REQUEST, "Malformed request", "The request body is missing or is not valid JSON.");
        JacksonException jackson = ErrorCauses.find(ex, JacksonException.class);
        if (jackson != null && !jackson.getPath().isEmpty()) {
            problem.setDetail("The request body has a field of the wrong kind.");
            problem.setProperty(
                    "errors", List.of(Map.of("field", jsonPath(jackson), "message", bodyFieldMessage(jackson))));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /** Text PostgreSQL cannot store or compare (a NUL in a query parameter) is the caller's error, not ours. */
    @ExceptionHandler(DataAccessException.class)
    Mono<ResponseEntity<Object>> handleDataAccess(DataAccessException ex, ServerWebExchange exchange) {
        SQLException sql = ErrorCauses.find(ex, SQLException.class);
        if (sql == null || !UNSTORABLE_TEXT.contains(sql.getSQLState())) {
            return Mono.error(ex);
        }
        ProblemDetail problem = ProblemDetailWriter.problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "The request contains text that cannot be stored: it must not contain the NUL character (U+0000).");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, exchange);
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String bodyFieldMessage(JacksonException e) {
        if (e instanceof InputCoercionException) {
            return "is a number out of range";
        }
        String original = e.getOriginalMessage();
        if (original != null && original.contains("NUL character")) {
            return "must not contain the NUL character (U+0000)";
        }
        return "has a value of the wrong kind";
    }

    @ExceptionHandler(InvalidCredentialsException.class)
    Mono<ResponseEntity<Object>> handleInvalidCredentials(InvalidCredentialsException ex, ServerWebExchange exchange) {
        ProblemDetail problem =
                ProblemDetailWriter.problem(HttpStatus.UNAUTHORIZED, "Invalid credentials", ex.getMessage());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNAUTHORIZED, exchange);
    }

    @ExceptionHandler(AccountLockedException.class)
    Mono<ResponseEntity<Object>> handleAccountLocked(AccountLockedException ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetailWriter.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "Account temporarily locked",
                "Too many failed sign-ins for this account. Try again in " + ex.retryAfterSeconds() + " seconds.");
        problem.setProperty("retry_after_seconds", ex.retryAfterSeconds());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.TOO_MANY_REQUESTS, exchange);
    }

    @ExceptionHandler(UserNotFoundException.class)
    Mono<ResponseEntity<Object>> handleUserNotFound(UserNotFoundException ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetailWriter.problem(HttpStatus.NOT_FOUND, "User not found", ex.getMessage());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, exchange);
    }

    @ExceptionHandler(CustomerAccountExistsException.class)
    Mono<ResponseEntity<Object>> handleCustomerAccountExists(
            CustomerAccountExistsException ex, ServerWebExchange exchange) {
        ProblemDetail problem =
                ProblemDetailWriter.problem(HttpStatus.CONFLICT, "Customer has an account", ex.getMessage());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, exchange);
    }

    @ExceptionHandler(DuplicateEmailException.class)
    Mono<ResponseEntity<Object>> handleDuplicateEmail(DuplicateEmailException ex, ServerWebExchange exchange) {
        ProblemDetail problem =
                ProblemDetailWriter.problem(HttpStatus.CONFLICT, "Email already registered", ex.getMessage());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, exchange);
    }

    @ExceptionHandler(LastAdminException.class)
    Mono<ResponseEntity<Object>> handleLastAdmin(LastAdminException ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetailWriter.problem(HttpStatus.CONFLICT, "Last administrator", ex.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "role", "message", "would leave no ADMIN")));
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, exchange);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    Mono<ResponseEntity<Object>> handleDataBufferLimit(DataBufferLimitException ex, ServerWebExchange exchange) {
        return tooLarge(ex, exchange);
    }

    private Mono<ResponseEntity<Object>> tooLarge(Exception ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetailWriter.problem(
                HttpStatus.CONTENT_TOO_LARGE, "Request too large", "The request body exceeds the allowed size.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Object rendered = body instanceof ProblemDetail problem
                ? ProblemDetailWriter.asMap(withInstance(problem, exchange))
                : body;
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return Mono.just(new ResponseEntity<>(rendered, responseHeaders, status));
    }

    private static ProblemDetail withInstance(ProblemDetail problem, ServerWebExchange exchange) {
        if (problem.getStatus() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            // the codec's own 413 says nothing useful; every 413 reads the same whichever layer noticed
            problem.setTitle("Request too large");
            problem.setDetail("The request body exceeds the allowed size.");
        } else if (problem.getStatus() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            // a route's time limiter expired: the same words as a timeout noticed anywhere else
            problem.setTitle("Gateway timeout");
            problem.setDetail("The service behind this path did not answer in time.");
        } else if (problem.getDetail() == null) {
            problem.setDetail(problem.getTitle());
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return problem;
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of(
                "field",
                snakeCase(error.getField()),
                "message",
                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    // The API speaks snake_case JSON, so field errors name the JSON property, not the Java one.
    static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
