package fr.passerelle.partner.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.UnorderedList;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.partner.ActivityService;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.InteractionKind;
import fr.passerelle.partner.TimelineEntry;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * "Fil d’activité": interactions, pipeline moves and engagement changes, newest first, with the form
 * to note an interaction on top for those who may edit the company.
 */
class TimelineTab extends Div {

    private final ActivityService activity;
    private final CompanyDetails company;
    private final AuthorNames authors;
    private final UnorderedList entries = new UnorderedList();
    private final Paragraph empty = new Paragraph();

    TimelineTab(ActivityService activity, ContactService contacts, CompanyDetails company, AuthorNames authors) {
        this.activity = activity;
        this.company = company;
        this.authors = authors;
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
        List<TimelineEntry> timeline = activity.timeline(company.id());
        entries.removeAll();
        timeline.forEach(entry -> entries.add(item(entry)));
        empty.setVisible(timeline.isEmpty());
    }

    private ListItem item(TimelineEntry entry) {
        var icon = icon(entry).create();
        icon.addClassName("timeline-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        var what = new Span(headline(entry));
        what.addClassName("timeline-what");
        var when = new Span(DisplayFormats.dateTime(entry.at()) + " · " + authors.of(entry.author()));
        when.addClassName("timeline-meta");
        var body = new Div(what, when);
        body.addClassName("timeline-body");
        if (entry.kind() == TimelineEntry.Kind.INTERACTION && entry.summary() != null) {
            var summary = new Paragraph(entry.summary());
            summary.addClassName("timeline-summary");
            body.add(summary);
        }
        var item = new ListItem(icon, body);
        item.addClassNames("timeline-entry", "timeline-" + entry.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return item;
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
