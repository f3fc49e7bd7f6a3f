package com.agentfactory.messaging.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Input that is well-formed but not acceptable; carries the fields at fault. */
public class RequestValidationException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldErrorDetail> errors;

    public RequestValidationException(HttpStatus status, String message, List<FieldErrorDetail> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static RequestValidationException unprocessable(String field, String message) {
        return new RequestValidationException(
                HttpStatus.UNPROCESSABLE_CONTENT, message, List.of(new FieldErrorDetail(field, message)));
    }

    /** The same rejection for an element of a list, its fields named under {@code prefix} (as in {@code tasks[3]}). */
    public RequestValidationException under(String prefix) {
        return new RequestValidationException(
                status,
                prefix + ": " + getMessage(),
                errors.stream()
                        .map(error -> new FieldErrorDetail(prefix + "." + error.field(), error.message()))
                        .toList());
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldErrorDetail> errors() {
        return errors;
    }
}
