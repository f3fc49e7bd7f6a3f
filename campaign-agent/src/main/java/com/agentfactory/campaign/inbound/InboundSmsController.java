package com.agentfactory.campaign.inbound;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.json.JsonReadErrors;
import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where SMS providers post the texts customers send the shop's number. Providers call it directly (not through the
 * gateway) and authenticate by signing the body (see {@link SmsProviderSignatures}), so the signature is checked on
 * the body as received, before it is read: anything unsigned is 401 whatever it holds. A signed body that cannot be
 * read is 400. Everything read is 200, a number no customer holds too: a provider delivers again whatever is not
 * 2xx, for as long as it tries.
 */
@RestController
@RequestMapping("/api/v1/campaigns/sms/inbound")
class InboundSmsController {

    static final String PROVIDER_HEADER = "X-Sms-Provider";
    static final String SIGNATURE_HEADER = "X-Sms-Signature";

    private final SmsProviderSignatures signatures;
    private final SmsReplies replies;
    private final JsonMapper json;
    private final Validator validator;

    InboundSmsController(SmsProviderSignatures signatures, SmsReplies replies, JsonMapper json, Validator validator) {
        this.signatures = signatures;
        this.replies = replies;
        this.json = json;
        this.validator = validator;
    }

    @Operation(
            summary = "An inbound text from an SMS provider",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = InboundSms.class))))
    @ApiResponse(responseCode = "200", description = "Received: acted on, or nothing to act on")
    @ApiResponse(
            responseCode = "401",
            description = "No provider, or a body not signed with the provider's secret (" + SIGNATURE_HEADER + ")")
    @PostMapping
    ResponseEntity<?> receive(
            @RequestHeader(name = PROVIDER_HEADER, required = false) String provider,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        Optional<String> signed = signatures.verify(provider, signature, body);
        if (signed.isEmpty()) {
            return ApiExceptionHandlerSupport.problemResponse(
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    "A known " + PROVIDER_HEADER + " and its " + SIGNATURE_HEADER + " of the body are required.");
        }
        InboundSms sms = read(body);
        return ResponseEntity.ok(new InboundSmsResponse(sms.messageId(), replies.receive(signed.get(), sms)));
    }

    private InboundSms read(byte[] body) {
        InboundSms sms;
        try {
            sms = json.readValue(body, InboundSms.class);
        } catch (JacksonException e) {
            throw new InvalidInputException(JsonReadErrors.detail(e), JsonReadErrors.fieldErrors(e));
        }
        if (sms == null) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        List<FieldErrorDetail> errors = validator.validate(sms).stream()
                .map(InboundSmsController::toError)
                .sorted(Comparator.comparing(FieldErrorDetail::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The inbound text has invalid fields.", errors);
        }
        return sms;
    }

    private static FieldErrorDetail toError(ConstraintViolation<?> violation) {
        return FieldErrorDetail.ofJavaPath(violation.getPropertyPath().toString(), violation.getMessage());
    }
}
