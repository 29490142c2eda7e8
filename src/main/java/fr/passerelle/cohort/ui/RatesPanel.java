package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import fr.passerelle.cohort.CohortRates;
import fr.passerelle.cohort.Rate;

/**
 * The rates of a cohort or of a programme's cohorts: for each, what it counts in words, a bar, and its numbers in
 * text ("7 sur 9 · 78 %"), so that the bar is never the only way to read it. Withheld and empty rates say so.
 */
@StyleSheet("styles/cohort-rates.css")
class RatesPanel extends Composite<Div> {

    RatesPanel(CohortRates rates) {
        Div content = getContent();
        content.addClassName("cohort-rates");
        content.add(block("fill", rates.fill(), "cohort.rates.fill.counts"));
        if (rates.noParticipant()) {
            var empty = new Paragraph(getTranslation("cohort.rates.no-participant"));
            empty.addClassNames("empty-state", "cohort-rates-empty");
            content.add(empty);
        } else {
            Div completion = block("completion", rates.completion(), "cohort.rates.completion.counts");
            completion.add(detail(rates.inTraining(), "cohort.rates.in-training"));
            Div release = block("release", rates.releaseEmployed(), "cohort.rates.employed.counts");
            release.add(detail(rates.releaseUnknown(), "cohort.rates.unknown"), detail(rates.releaseUnrecorded(), "cohort.rates.unrecorded"));
            Div sixMonths = block("six-months", rates.sixMonthEmployed(), "cohort.rates.employed.counts");
            sixMonths.add(detail(rates.sixMonthUnknown(), "cohort.rates.unknown"), detail(rates.sixMonthUnrecorded(), "cohort.rates.unrecorded"));
            content.add(completion, block("certification", rates.certification(), "cohort.rates.certification.counts"), release, sixMonths);
        }
        if (rates.restricted()) {
            var note = new Paragraph(getTranslation("cohort.rates.withheld.note"));
            note.addClassName("cohort-rates-note");
            content.add(note);
        }
    }

    private Div block(String name, Rate rate, String countsKey) {
        var title = new H4(getTranslation("cohort.rates." + name));
        var meaning = new Paragraph(getTranslation("cohort.rates." + name + ".meaning"));
        meaning.addClassName("cohort-rate-meaning");
        var block = new Div(title);
        block.addClassNames("cohort-rate", "cohort-rate-" + name);
        if (rate.withheld() || rate.empty()) {
            var none = new Span(getTranslation(rate.withheld() ? "cohort.rates.withheld" : "cohort.rates.empty"));
            none.addClassName("cohort-rate-figures");
            block.add(none);
        } else {
            String figures = figures(rate, countsKey);
            var bar = new ProgressBar(0, 1, Math.min(1.0, rate.count() / (double) rate.of()));
            bar.getElement().setAttribute("aria-label", getTranslation("cohort.rates." + name) + " : " + figures);
            var text = new Span(figures);
            text.addClassName("cohort-rate-figures");
            block.add(bar, text);
        }
        block.add(meaning);
        return block;
    }

    private Component detail(Rate rate, String key) {
        var line = new Paragraph(rate.withheld() ? getTranslation(key + ".withheld")
                : getTranslation(key, rate.count(), rate.of()));
        line.addClassName("cohort-rate-detail");
        return line;
    }

    /** "8 inscrits sur 12 places · 67 %". */
    static String figures(Rate rate, String countsKey) {
        UI ui = UI.getCurrent();
        return ui.getTranslation(countsKey, rate.count(), rate.of()) + " · " + ui.getTranslation("cohort.rates.percent", rate.percent());
    }

    /** A rate in a table cell: "67 % (8 sur 12)", or why there is none. */
    static String cell(Rate rate) {
        UI ui = UI.getCurrent();
        if (rate.withheld()) {
            return ui.getTranslation("cohort.rates.cell.withheld");
        }
        if (rate.empty()) {
            return ui.getTranslation("cohort.rates.cell.empty");
        }
        return ui.getTranslation("cohort.rates.cell", rate.percent(), rate.count(), rate.of());
    }
}
