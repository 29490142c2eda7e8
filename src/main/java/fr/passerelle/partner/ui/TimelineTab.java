package fr.passerelle.partner.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.UnorderedList;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.partner.ActivityService;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.InteractionKind;
import fr.passerelle.partner.TimelineEntry;
import fr.passerelle.partner.companypage.CompanyTimelineSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * "Fil d’activité": interactions, pipeline moves, engagement changes and the events other modules add
 * (offers), newest first, with the form to note an interaction on top for those who may edit the company.
 */
class TimelineTab extends Div {

    private final ActivityService activity;
    private final CompanyDetails company;
    private final AuthorNames authors;
    private final List<CompanyTimelineSource> sources;
    private final UnorderedList entries = new UnorderedList();
    private final Paragraph empty = new Paragraph();

    TimelineTab(ActivityService activity, ContactService contacts, CompanyDetails company, AuthorNames authors,
                List<CompanyTimelineSource> sources) {
        this.activity = activity;
        this.company = company;
        this.authors = authors;
        this.sources = List.copyOf(sources);
        addClassName("company-tab");
        if (company.editable()) {
            add(new InteractionForm(activity, contacts, company.id(), this::refresh));
        }
        entries.addClassName("timeline");
        entries.getElement().setAttribute("aria-label", getTranslation("company.tab.timeline"));
        empty.setText(getTranslation("company.timeline.empty"));
        empty.addClassName("empty-state");
        add(entries, empty);
        addAttachListener(e -> refresh());
    }

    void refresh() {
        List<Line> timeline = new ArrayList<>();
        activity.timeline(company.id()).forEach(entry -> timeline.add(new Line(entry.at(), () -> item(entry))));
        sources.forEach(source -> source.timeline(company.id()).forEach(event -> timeline.add(new Line(event.at(), () -> item(event)))));
        timeline.sort(Comparator.comparing(Line::at).reversed());
        entries.removeAll();
        timeline.forEach(line -> entries.add(line.item().get()));
        empty.setVisible(timeline.isEmpty());
    }

    private record Line(Instant at, Supplier<ListItem> item) {
    }

    /** A line another module added: its icon, its headline and who did it when. */
    private ListItem item(CompanyTimelineSource.Event event) {
        var body = body(PageTexts.show(this, event.headline()), event.at(), event.author());
        if (event.detail() != null) {
            var detail = new Paragraph(event.detail());
            detail.addClassName("timeline-summary");
            body.add(detail);
        }
        return line(PageTexts.icon(event.icon()), body, "contributed");
    }

    private Div body(String headline, Instant at, String author) {
        var what = new Span(headline);
        what.addClassName("timeline-what");
        var when = new Span(DisplayFormats.dateTime(at) + " · " + authors.of(author));
        when.addClassName("timeline-meta");
        var body = new Div(what, when);
        body.addClassName("timeline-body");
        return body;
    }

    private static ListItem line(Icon icon, Div body, String kind) {
        icon.addClassName("timeline-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        var item = new ListItem(icon, body);
        item.addClassNames("timeline-entry", "timeline-" + kind);
        return item;
    }

    private ListItem item(TimelineEntry entry) {
        var body = body(headline(entry), entry.at(), entry.author());
        if (entry.kind() == TimelineEntry.Kind.INTERACTION && entry.summary() != null) {
            var summary = new Paragraph(entry.summary());
            summary.addClassName("timeline-summary");
            body.add(summary);
        }
        return line(icon(entry).create(), body, entry.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The line that says what happened, e.g. "Prospect → Contacté" or "Engagement ajouté : Atelier en concession (Prévu)". */
    private String headline(TimelineEntry entry) {
        return switch (entry.kind()) {
            case INTERACTION -> {
                String kind = getTranslation(Objects.requireNonNull(entry.interactionKind()).translationKey());
                yield entry.contactName() == null ? kind : getTranslation("company.timeline.with", kind, entry.contactName());
            }
            case PIPELINE_MOVE -> {
                String to = getTranslation(Objects.requireNonNull(entry.toStage()).translationKey());
                String move = entry.fromStage() == null ? getTranslation("company.timeline.created-at-stage", to)
                        : getTranslation(entry.fromStage().translationKey()) + " → " + to;
                yield entry.reason() == null ? move : getTranslation("company.timeline.reason", move, entry.reason());
            }
            case ENGAGEMENT -> {
                String type = entry.engagementType() == null ? "" : getTranslation(entry.engagementType().translationKey());
                String what = entry.engagementStatus() == null ? type
                        : type + " (" + getTranslation(entry.engagementStatus().translationKey()) + ")";
                yield getTranslation("company.timeline.engagement." + Objects.requireNonNull(entry.change()).name(), what);
            }
        };
    }

    private static VaadinIcon icon(TimelineEntry entry) {
        return switch (entry.kind()) {
            case PIPELINE_MOVE -> VaadinIcon.EXCHANGE;
            case ENGAGEMENT -> VaadinIcon.HANDSHAKE;
            case INTERACTION -> icon(Objects.requireNonNull(entry.interactionKind()));
        };
    }

    private static VaadinIcon icon(InteractionKind kind) {
        return switch (kind) {
            case CALL -> VaadinIcon.PHONE;
            case MEETING -> VaadinIcon.GROUP;
            case ESTABLISHMENT_VISIT -> VaadinIcon.INSTITUTION;
            case EMAIL -> VaadinIcon.ENVELOPE;
            case EVENT -> VaadinIcon.CALENDAR_USER;
        };
    }
}
