package com.agentfactory.messaging.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerUpsertedTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void readsAProfileWrittenBeforeThePhoneExistedWithoutOne() {
        UUID customer = UUID.randomUUID();

        CustomerUpserted read = codec.fromTree(
                codec.toTree(Map.of(
                        "event_id",
                        UUID.randomUUID().toString(),
                        "occurred_at",
                        "2025-01-02T03:04:05Z",
                        "customer_id",
                        customer.toString(),
                        "email",
                        "a@example.test")),
                CustomerUpserted.class);

        assertThat(read.customerId()).isEqualTo(customer);
        assertThat(read.email()).isEqualTo("a@example.test");
        assertThat(read.phone()).isNull();
    }

    @Test
    void carriesThePhoneThroughTheWire() {
        CustomerUpserted sent = customer("+447700900123");

        CustomerUpserted read = codec.fromTree(codec.toTree(sent), CustomerUpserted.class);

        assertThat(read).isEqualTo(sent);
        assertThat(codec.toTree(sent).path("phone").asString()).isEqualTo("+447700900123");
    }

    @Test
    void acceptsAnE164NumberOrNone() {
        assertThat(VALIDATOR.validate(customer("+447700900123"))).isEmpty();
        assertThat(VALIDATOR.validate(customer("+12025550143"))).isEmpty();
        assertThat(VALIDATOR.validate(customer(null))).isEmpty();
    }

    @Test
    void refusesAPhoneNotInE164Form() {
        for (String phone : new String[] {
            "07700900123", "447700900123", "+0447700900123", "+4477009001234567", "+44", "+44 7700 900123 ext 5"
        }) {
            assertThat(VALIDATOR.validate(customer(phone)))
                    .as(phone)
                    .singleElement()
                    .satisfies(violation ->
                            assertThat(violation.getPropertyPath().toString()).isEqualTo("phone"));
            assertThat(CustomerUpserted.isE164(phone)).as(phone).isFalse();
        }
    }

    @Test
    void readsABlankPhoneAsNone() {
        assertThat(customer("").phone()).isNull();
        assertThat(customer("  ").phone()).isNull();
        assertThat(VALIDATOR.validate(customer(""))).isEmpty();
    }

    @Test
    void dropsTheSeparatorsPeopleTypeInAPhoneNumber() {
        assertThat(customer("+44 7700 900123").phone()).isEqualTo("+447700900123");
        assertThat(customer("+1 (202) 555-0143").phone()).isEqualTo("+12025550143");
        assertThat(customer("+44.7700.900123").phone()).isEqualTo("+447700900123");
    }

    @Test
    void writesAProfileWithoutAPhoneAsBeforeTheFieldExisted() {
        // the supervisor compares a resent event's payload with the stored one: a profile stored before the phone
        // existed must still be the same event when sent again without one
        assertThat(codec.toTree(customer(null)).has("phone")).isFalse();
    }

    private static CustomerUpserted customer(String phone) {
        return new CustomerUpserted(
                UUID.randomUUID(),
                Instant.parse("2025-01-02T03:04:05Z"),
                UUID.randomUUID(),
                "C-1",
                "a@example.test",
                "United Kingdom",
                phone);
    }
}
