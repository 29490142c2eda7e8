package fr.passerelle.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DisplayFormatsTest {

    @Test
    void datesAreFrench() {
        assertThat(DisplayFormats.date(LocalDate.of(2026, 3, 7))).isEqualTo("07/03/2026");
        assertThat(DisplayFormats.date(null)).isEmpty();
    }

    @Test
    void timesAreParisTimeWinterAndSummer() {
        assertThat(DisplayFormats.dateTime(Instant.parse("2026-01-15T23:30:00Z"))).isEqualTo("16/01/2026 00:30");
        assertThat(DisplayFormats.dateTime(Instant.parse("2026-07-15T23:30:00Z"))).isEqualTo("16/07/2026 01:30");
    }
}
