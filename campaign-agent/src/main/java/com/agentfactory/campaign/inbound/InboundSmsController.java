package com.agentfactory.campaign.inbound;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.json.JsonReadErrors;
import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where SMS providers post the texts customers send the shop's number. Providers call it directly (not through the
 * gateway) and authenticate by signing the body (see {@link SmsProviderSignatures}), so the signature is checked on
 * the body as received, before it is read: anything unsigned is 401 whatever it holds. Everything signed is 200, a
 * number no customer holds too: a provider delivers again whatever is not 2xx, for as long as it tries, and a body
 * that cannot be read will not read better the next time. So a signed body that is not an inbound text (not JSON at
 * all, not an object, a field missing or invalid, a number that cannot be read for sure with the store's numbering,
 * see {@link NationalNumbering#international}) is 200 with the outcome {@code unreadable}: logged, not acted on, and
 * kept under its message id when it has one, so that a delivery of it again is {@code already_received}. The one
 * exception is an opt-out from a number that reads as several mobile numbers: it is acted on for each of them
 * ({@link SmsReplies#receiveOptOut}).
 */
@RestController
@RequestMapping("/api/v1/campaigns/sms/inbound")
class InboundSmsController {

    static final String PROVIDER_HEADER = "X-Sms-Provider";
    static final String SIGNATURE_HEADER = "X-Sms-Signature";

    private static final String MESSAGE_ID = "message_id";
    private static final int MESSAGE_ID_MAX = 100;

    private final SmsProviderSignatures signatures;
    private final SmsReplies replies;
    private final JsonMapper json;
    private final Validator validator;
    private final NationalNumbering numbering;

    InboundSmsController(
            SmsProviderSignatures signatures,
            SmsReplies replies,
            JsonMapper json,
            Validator validator,
            InboundSmsProperties properties) {
        this.signatures = signatures;
        this.replies = replies;
        this.json = json;
        this.validator = validator;
        this.numbering = properties.numbering();
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
    @ApiResponse(
            responseCode = "200",
            description = "Received: acted on, nothing to act on, or signed but unreadable (outcome unreadable, not"
                    + " acted on)")
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
        return ResponseEntity.ok(answer(signed.get(), body));
    }

    private InboundSmsResponse answer(String provider, byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            return unreadable(provider, null, "the body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            return unreadable(provider, null, "the body is not a JSON object");
        }
        String messageId = messageIdOf(tree);
        InboundSms written;
        try {
            written = json.treeToValue(tree, InboundSms.class);
        } catch (JacksonException e) {
            return unreadable(provider, messageId, "unreadable fields " + fields(JsonReadErrors.fieldErrors(e)));
        }
        InboundSms sms = written.readWith(numbering);
        List<FieldErrorDetail> errors = validator.validate(sms).stream()
                .map(InboundSmsController::toError)
                .toList();
        if (fields(errors).equals(List.of("from")) && SmsKeyword.of(sms.text()) == SmsKeyword.OPT_OUT) {
            // a STOP from a number that reads as several: ignored, it would leave its sender texted against their
            // word; taken for every reading, it stops at worst another's marketing texts, which they can give consent
            // to again. Nothing else (START least of all) is acted on for a number not read for sure
            Set<String> readings = numbering.readings(written.from());
            if (readings.size() > 1) {
                return new InboundSmsResponse(sms.messageId(), replies.receiveOptOut(provider, sms, readings));
            }
        }
        if (!errors.isEmpty()) {
            String why = "invalid fields " + fields(errors);
            if (fields(errors).contains("from")) {
                why += " (the sender's number must be " + numbering.readable() + ")";
            }
            return unreadable(provider, messageId, why);
        }
        return new InboundSmsResponse(sms.messageId(), replies.receive(provider, sms));
    }

    private InboundSmsResponse unreadable(String provider, String messageId, String why) {
        return new InboundSmsResponse(messageId, replies.unreadable(provider, messageId, why));
    }

    /** The message id when the body gives one that can be kept; null otherwise. */
    private static String messageIdOf(JsonNode tree) {
        JsonNode id = tree.path(MESSAGE_ID);
        if (!id.isString() || id.asString().isBlank() || id.asString().length() > MESSAGE_ID_MAX) {
            return null;
        }
        return id.asString();
    }

    // the names of the fields, never their values: the sender's number stays out of the logs
    private static List<String> fields(List<FieldErrorDetail> errors) {
        return errors.stream().map(FieldErrorDetail::field).distinct().sorted().toList();
    }

    private static FieldErrorDetail toError(ConstraintViolation<?> violation) {
        return FieldErrorDetail.ofJavaPath(violation.getPropertyPath().toString(), violation.getMessage());
    }
}
