package fr.passerelle.cohort.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class FollowUpCalendarTest {

    @Test
    void easterSundayOfKnownYears() {
        assertThat(FollowUpCalendar.easterSunday(2004)).isEqualTo(LocalDate.of(2004, 4, 11));
        assertThat(FollowUpCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(FollowUpCalendar.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void theLastWorkingDaySkipsWeekendsAndPublicHolidays() {
        assertThat(FollowUpCalendar.lastWorkingDay(YearMonth.of(2027, 9))).as("a Thursday").isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(FollowUpCalendar.lastWorkingDay(YearMonth.of(2027, 10))).as("31st a Sunday").isEqualTo(LocalDate.of(2027, 10, 29));
        assertThat(FollowUpCalendar.lastWorkingDay(YearMonth.of(2004, 5))).as("Monday 31 May 2004 was Whit Monday")
                .isEqualTo(LocalDate.of(2004, 5, 28));
        assertThat(FollowUpCalendar.isPublicHoliday(LocalDate.of(2027, 7, 14))).isTrue();
        assertThat(FollowUpCalendar.isPublicHoliday(LocalDate.of(2027, 5, 6))).as("Ascension 2027").isTrue();
        assertThat(FollowUpCalendar.isPublicHoliday(LocalDate.of(2027, 5, 7))).isFalse();
    }
}
