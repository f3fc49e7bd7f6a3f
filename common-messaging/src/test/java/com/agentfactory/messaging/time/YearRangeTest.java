package com.agentfactory.messaging.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class YearRangeTest {

    private final YearRange operations = YearRange.OPERATIONS;

    @Test
    void holdsEveryInstantFromTheFirstOfTheFirstYearToTheLastOfTheLastYear() {
        Instant first = Instant.parse("2000-01-01T00:00:00Z");
        Instant next = Instant.parse("2100-01-01T00:00:00Z");

        assertThat(operations.contains(first)).isTrue();
        assertThat(operations.contains(first.minusNanos(1))).isFalse();
        assertThat(operations.contains(next.minusNanos(1))).isTrue();
        assertThat(operations.contains(next)).isFalse();
        assertThat(operations.start()).isEqualTo(first);
        assertThat(operations.end()).isEqualTo(next);
    }

    @Test
    void holdsEveryDayFromTheFirstOfTheFirstYearToTheLastOfTheLastYear() {
        assertThat(operations.contains(LocalDate.of(2000, 1, 1))).isTrue();
        assertThat(operations.contains(LocalDate.of(1999, 12, 31))).isFalse();
        assertThat(operations.contains(LocalDate.of(2099, 12, 31))).isTrue();
        assertThat(operations.contains(LocalDate.of(2100, 1, 1))).isFalse();
    }

    @Test
    void judgesAnOffsetDateTimeAtItsInstantInUtc() {
        assertThat(operations.contains(OffsetDateTime.parse("2000-01-01T01:00:00+01:00")))
                .isTrue();
        assertThat(operations.contains(OffsetDateTime.parse("2000-01-01T00:59:59.999999999+01:00")))
                .isFalse();
        assertThat(operations.contains(OffsetDateTime.parse("2099-12-31T21:59:59.999999999-02:00")))
                .isTrue();
        assertThat(operations.contains(OffsetDateTime.parse("2099-12-31T22:00:00-02:00")))
                .isFalse();
    }

    @Test
    void refusesWhatJavaReadsButNoStoreHolds() {
        assertThat(YearRange.RECORDS.contains(LocalDate.MIN)).isFalse();
        assertThat(YearRange.RECORDS.contains(LocalDate.MAX)).isFalse();
        assertThat(YearRange.RECORDS.contains(Instant.MIN)).isFalse();
        assertThat(YearRange.RECORDS.contains(Instant.MAX)).isFalse();
        assertThat(YearRange.RECORDS.contains(OffsetDateTime.MAX)).isFalse();
    }

    @Test
    void recordsReachFrom1970ToTheLastFourDigitYear() {
        assertThat(YearRange.RECORDS.contains(Instant.EPOCH)).isTrue();
        assertThat(YearRange.RECORDS.contains(Instant.EPOCH.minusNanos(1))).isFalse();
        assertThat(YearRange.RECORDS.contains(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(YearRange.RECORDS.contains(
                        Instant.parse("+10000-01-01T00:00:00Z").minusNanos(1)))
                .isTrue();
        assertThat(YearRange.RECORDS.contains(Instant.parse("+10000-01-01T00:00:00Z")))
                .isFalse();
    }

    @Test
    void namesItsBoundsAsDaysInUtc() {
        assertThat(operations.requirement()).isEqualTo("must be between 2000-01-01 and 2099-12-31 (UTC)");
        assertThat(YearRange.RECORDS.requirement()).isEqualTo("must be between 1970-01-01 and 9999-12-31 (UTC)");
    }

    @Test
    void refusesADateOutsideWithTheCallersExceptionNamingTheField() {
        assertThatThrownBy(() ->
                        operations.requireContains("expires_at", Instant.parse("2100-01-01T00:00:00Z"), Refused::new))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.field).isEqualTo("expires_at");
                    assertThat(refused.getMessage()).isEqualTo(operations.requirement());
                });
        assertThatThrownBy(() -> operations.requireContains("starts_on", LocalDate.of(1999, 12, 31), Refused::new))
                .isInstanceOf(Refused.class)
                .hasMessage(operations.requirement());
    }

    @Test
    void leavesNullToTheRuleThatSaysWhetherOneIsNeeded() {
        assertThatCode(() -> operations.requireContains("from", (Instant) null, Refused::new))
                .doesNotThrowAnyException();
        assertThatCode(() -> operations.requireContains("from", (LocalDate) null, Refused::new))
                .doesNotThrowAnyException();
        assertThatCode(() -> operations.requireContains("from", LocalDate.of(2050, 6, 1), Refused::new))
                .doesNotThrowAnyException();
    }

    @Test
    void isARangeOfFourDigitYearsFirstNotAfterLast() {
        assertThat(new YearRange(2024, 2024)
                        .contains(LocalDate.of(2024, 12, 31)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()))
                .isTrue();
        assertThatThrownBy(() -> new YearRange(2100, 2000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new YearRange(999, 2000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new YearRange(2000, 10000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final class Refused extends RuntimeException {
        final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
