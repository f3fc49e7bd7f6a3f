package com.agentfactory.messaging.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WithinYearsTest {

    record Deadline(
            @WithinYears(from = YearRange.OPERATIONS_FIRST_YEAR, to = YearRange.OPERATIONS_LAST_YEAR)
            Instant at) {}

    record Flight(
            @WithinYears(from = YearRange.OPERATIONS_FIRST_YEAR, to = YearRange.OPERATIONS_LAST_YEAR)
            LocalDate day) {}

    record Meeting(
            @WithinYears(from = YearRange.OPERATIONS_FIRST_YEAR, to = YearRange.OPERATIONS_LAST_YEAR)
            OffsetDateTime at) {}

    record Required(
            @NotNull @WithinYears(from = YearRange.OPERATIONS_FIRST_YEAR, to = YearRange.OPERATIONS_LAST_YEAR)
            Instant at) {}

    record Ledger(
            @WithinYears(from = YearRange.RECORDS_FIRST_YEAR, to = YearRange.RECORDS_LAST_YEAR)
            LocalDate day) {}

    record Backwards(@WithinYears(from = 2099, to = 2000) Instant at) {}

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void holdsAnInstantFromTheFirstInstantOfTheFirstYearToTheLastOfTheLastYear() {
        Instant first = Instant.parse("2000-01-01T00:00:00Z");
        Instant next = Instant.parse("2100-01-01T00:00:00Z");

        assertThat(validator.validate(new Deadline(first))).isEmpty();
        assertThat(validator.validate(new Deadline(first.minusNanos(1)))).hasSize(1);
        assertThat(validator.validate(new Deadline(next.minusNanos(1)))).isEmpty();
        assertThat(validator.validate(new Deadline(next))).hasSize(1);
    }

    @Test
    void holdsADayFromTheFirstDayOfTheFirstYearToTheLastDayOfTheLastYear() {
        assertThat(validator.validate(new Flight(LocalDate.of(2000, 1, 1)))).isEmpty();
        assertThat(validator.validate(new Flight(LocalDate.of(1999, 12, 31)))).hasSize(1);
        assertThat(validator.validate(new Flight(LocalDate.of(2099, 12, 31)))).isEmpty();
        assertThat(validator.validate(new Flight(LocalDate.of(2100, 1, 1)))).hasSize(1);
        assertThat(validator.validate(new Ledger(LocalDate.MAX))).hasSize(1);
    }

    @Test
    void holdsAnOffsetDateTimeByItsInstant() {
        assertThat(validator.validate(new Meeting(OffsetDateTime.parse("2099-12-31T23:00:00+01:00"))))
                .isEmpty();
        assertThat(validator.validate(new Meeting(OffsetDateTime.parse("2099-12-31T23:00:00-01:00"))))
                .hasSize(1);
    }

    @Test
    void saysTheRangesRequirementNamingTheField() {
        Set<ConstraintViolation<Deadline>> violations =
                validator.validate(new Deadline(Instant.parse("+300000-01-01T00:00:00Z")));
        Set<ConstraintViolation<Ledger>> ledger = validator.validate(new Ledger(LocalDate.of(1969, 12, 31)));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.getPropertyPath()).hasToString("at");
            assertThat(violation.getMessage()).isEqualTo(YearRange.OPERATIONS.requirement());
        });
        assertThat(ledger).singleElement().satisfies(violation -> assertThat(violation.getMessage())
                .isEqualTo(YearRange.RECORDS.requirement()));
    }

    @Test
    void leavesNullToNotNull() {
        assertThat(validator.validate(new Deadline(null))).isEmpty();
        assertThat(validator.validate(new Flight(null))).isEmpty();
        assertThat(validator.validate(new Meeting(null))).isEmpty();
        assertThat(validator.validate(new Required(null))).singleElement().satisfies(violation -> assertThat(
                        violation.getConstraintDescriptor().getAnnotation())
                .isInstanceOf(NotNull.class));
    }

    @Test
    void refusesARangeThatIsNoneWhenFirstUsed() {
        assertThatThrownBy(() -> validator.validate(new Backwards(Instant.parse("2050-01-01T00:00:00Z"))))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
