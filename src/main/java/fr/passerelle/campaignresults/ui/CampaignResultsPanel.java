package fr.passerelle.campaignresults.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.campaignresults.CampaignResult;
import fr.passerelle.campaignresults.CampaignResult.Period;
import fr.passerelle.campaignresults.CampaignResults;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A campaign's results, for the campaign page: the figures (delivery, visits, declarations, offers opened, hires), a
 * bar per day or hour, and the same numbers in a table, so that the bars are never the only way to read them. A
 * referent sees their DISP's part (the messages to its companies, the offers placed in it), and is told that visits,
 * tied to no DISP, are not there. {@link #refresh()} reads them again.
 */
@StyleSheet("styles/campaign-results.css")
public class CampaignResultsPanel extends Composite<Section> {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("dd/MM HH:mm");

    private final CampaignResults results;
    private final long campaignId;
    final RadioButtonGroup<ChronoUnit> per = new RadioButtonGroup<>();
    final Div figures = new Div();
    final Paragraph scope = new Paragraph();
    final Div chart = new Div();
    final Grid<Period> periods = new Grid<>();

    CampaignResultsPanel(CampaignResults results, long campaignId) {
        this.results = results;
        this.campaignId = campaignId;
        Section content = getContent();
        content.addClassName("campaign-results");

        per.setLabel(getTranslation("campaignresults.per"));
        per.setItems(ChronoUnit.DAYS, ChronoUnit.HOURS);
        per.setItemLabelGenerator(unit -> getTranslation(unit == ChronoUnit.DAYS ? "campaignresults.per.day" : "campaignresults.per.hour"));
        per.setValue(ChronoUnit.DAYS);
        per.addValueChangeListener(change -> refresh());
        var refresh = new Button(getTranslation("campaignresults.refresh"), click -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var toolbar = new Div(per, refresh);
        toolbar.addClassName("campaign-results-toolbar");

        figures.addClassName("campaign-results-figures");
        scope.addClassName("campaign-results-scope");
        chart.addClassName("campaign-results-chart");
        chart.getElement().setAttribute("role", "img");
        periods.addClassName("campaign-results-periods");
        periods.setSelectionMode(Grid.SelectionMode.NONE);
        periods.setAllRowsVisible(true);
        content.add(new H3(getTranslation("campaignresults.title")), toolbar, scope, figures, chart, periods);
        refresh();
    }

    /** Reads the results again (the campaign page may call it while the campaign is being sent). */
    public void refresh() {
        ChronoUnit unit = per.getValue() == null ? ChronoUnit.DAYS : per.getValue();
        CampaignResult result = results.of(campaignId, unit);
        showFigures(result);
        showSeries(result);
    }

    private void showFigures(CampaignResult result) {
        figures.removeAll();
        CampaignResult.Delivery delivery = result.delivery();
        scope.setText(!delivery.started() ? getTranslation("campaignresults.scope.not-sent")
                : result.wholeCampaign() ? getTranslation("campaignresults.scope.all")
                : getTranslation("campaignresults.scope.disp", result.dispCode()));
        figures.add(group("delivery", figure("sent", delivery.sent()), figure("failed", delivery.failed()),
                figure("skipped", delivery.skipped()), figure("pending", delivery.pending()),
                figure("cancelled", delivery.cancelled())));
        figures.add(group("blocked", figure("bounced", delivery.bounced()), figure("unsubscribed", delivery.unsubscribed()),
                figure("complaints", delivery.complaints())));
        var attribution = result.attribution();
        var portal = group("portal");
        if (result.visits() != null) {
            portal.add(figure("visits", result.visits()));
        }
        portal.add(figure("declarations", attribution.declarations()), figure("opened", attribution.opened()),
                figure("hires", attribution.hires()));
        figures.add(portal);
    }

    private Div group(String name, Div... figuresOfGroup) {
        var group = new Div(new H4(getTranslation("campaignresults.group." + name)));
        group.addClassNames("campaign-results-group", "campaign-results-group-" + name);
        group.add(figuresOfGroup);
        return group;
    }

    private Div figure(String name, long value) {
        var number = new Span(String.format(getLocale(), "%,d", value));
        number.addClassName("campaign-results-number");
        var label = new Span(getTranslation("campaignresults.figure." + name));
        label.addClassName("campaign-results-label");
        var figure = new Div(number, label);
        figure.addClassNames("campaign-results-figure", "campaign-results-figure-" + name);
        return figure;
    }

    private void showSeries(CampaignResult result) {
        List<Period> series = result.series();
        boolean whole = result.wholeCampaign();
        DateTimeFormatter format = result.per() == ChronoUnit.HOURS ? HOUR : DisplayFormats.DATE;
        // The bars: messages sent (to the DISP's companies, for a DISP's part).
        ToLongFunction<Period> value = Period::sent;
        chart.removeAll();
        chart.getElement().setAttribute("aria-label", getTranslation("campaignresults.chart.sent"));
        long max = series.stream().mapToLong(value).max().orElse(0);
        if (series.isEmpty()) {
            var empty = new Paragraph(getTranslation("campaignresults.empty"));
            empty.addClassName("empty-state");
            chart.add(empty);
        }
        for (Period period : series) {
            String when = format.format(period.start().atZone(DisplayFormats.PARIS));
            var bar = new Div();
            bar.addClassName("campaign-results-bar");
            bar.setHeight(max == 0 ? "0" : Math.round(100.0 * value.applyAsLong(period) / max) + "%");
            var column = new Div(bar, new Span(when));
            column.addClassName("campaign-results-column");
            column.setTitle(when + " : " + value.applyAsLong(period));
            chart.add(column);
        }

        periods.removeAllColumns();
        periods.addColumn(p -> format.format(p.start().atZone(DisplayFormats.PARIS)))
                .setHeader(getTranslation(result.per() == ChronoUnit.HOURS ? "campaignresults.column.hour" : "campaignresults.column.day"))
                .setKey("start").setAutoWidth(true);
        column("sent", Period::sent);
        column("failed", Period::failed);
        column("bounced", Period::bounced);
        column("unsubscribed", Period::unsubscribed);
        if (whole) {
            column("visits", Period::visits);
        }
        column("declarations", Period::declarations);
        column("opened", Period::opened);
        periods.setItems(series);
        periods.setVisible(!series.isEmpty());
    }

    private void column(String name, ToLongFunction<Period> value) {
        periods.addColumn(p -> value.applyAsLong(p)).setHeader(getTranslation("campaignresults.figure." + name)).setKey(name)
                .setAutoWidth(true);
    }
}
