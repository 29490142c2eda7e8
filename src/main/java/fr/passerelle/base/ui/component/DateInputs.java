package fr.passerelle.base.ui.component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import fr.passerelle.base.Translations;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Date fields the French way: dd/MM/yyyy, weeks starting on Monday, month and day names in the UI's language. */
public final class DateInputs {

    private DateInputs() {
    }

    public static DatePicker datePicker(String label) {
        var picker = new DatePicker(label);
        picker.setI18n(i18n());
        picker.setLocale(Locale.FRANCE);
        return picker;
    }

    public static DateTimePicker dateTimePicker(String label) {
        var picker = new DateTimePicker(label);
        picker.setDatePickerI18n(i18n());
        // The French locale gives the time part its 24-hour clock.
        picker.setLocale(Locale.FRANCE);
        return picker;
    }

    public static DatePicker.DatePickerI18n i18n() {
        UI ui = UI.getCurrent();
        Names names = NAMES.computeIfAbsent(Translations.supported(ui.getLocale()), Names::of);
        return new DatePicker.DatePickerI18n()
                .setDateFormat("dd/MM/yyyy")
                .setFirstDayOfWeek(1)
                .setMonthNames(names.months())
                .setWeekdays(names.weekdays())
                .setWeekdaysShort(names.weekdaysShort())
                .setToday(ui.getTranslation("company.date.today"))
                .setCancel(ui.getTranslation("action.cancel"))
                .setBadInputErrorMessage(ui.getTranslation("company.date.bad-input"));
    }

    /**
     * The month and day names of one language, computed once: every date picker keeps its settings for as long as its
     * page is open, and a copy of the same 26 names in each of them would weigh in every session.
     */
    private record Names(List<String> months, List<String> weekdays, List<String> weekdaysShort) {

        static Names of(Locale locale) {
            // The date picker lists the week days from Sunday, whatever the first day shown.
            List<DayOfWeek> fromSunday = Stream.concat(Stream.of(DayOfWeek.SUNDAY),
                    Arrays.stream(DayOfWeek.values()).filter(d -> d != DayOfWeek.SUNDAY)).toList();
            return new Names(Arrays.stream(Month.values()).map(m -> capitalised(m.getDisplayName(TextStyle.FULL_STANDALONE, locale), locale)).toList(),
                    fromSunday.stream().map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList(),
                    fromSunday.stream().map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale)).toList());
        }
    }

    private static final Map<Locale, Names> NAMES = new ConcurrentHashMap<>();

    private static String capitalised(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
