package fr.passerelle.partner.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyHistoryService;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.EngagementStatus;
import fr.passerelle.partner.EngagementType;
import fr.passerelle.partner.HistoryEntry;
import fr.passerelle.partner.PhoneNumbers;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.partner.companypage.CompanyHistorySource;
import fr.passerelle.reference.EstablishmentDetails;
import fr.passerelle.reference.ReferenceService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Who changed what, and when, on the company, its contacts and its engagements (the audit trail), with the
 * audited changes other modules add (its offers).
 */
class HistoryTab extends Div {

    private final CompanyHistoryService history;
    private final ReferenceService reference;
    private final CompanyDetails company;
    private final AuthorNames authors;
    private final List<CompanyHistorySource> sources;
    private final UnorderedList entries = new UnorderedList();
    private final Paragraph empty = new Paragraph();

    HistoryTab(CompanyHistoryService history, ReferenceService reference, CompanyDetails company, AuthorNames authors,
               List<CompanyHistorySource> sources) {
        this.history = history;
        this.reference = reference;
        this.company = company;
        this.authors = authors;
        this.sources = List.copyOf(sources);
        addClassName("company-tab");
        entries.addClassName("history");
        entries.getElement().setAttribute("aria-label", getTranslation("company.tab.history"));
        empty.setText(getTranslation("company.history.empty"));
        empty.addClassName("empty-state");
        add(entries, empty);
        addAttachListener(e -> refresh());
    }

    void refresh() {
        List<Line> trail = new ArrayList<>();
        history.history(company.id()).forEach(entry -> trail.add(new Line(entry.at(), () -> item(entry))));
        sources.forEach(source -> source.history(company.id()).forEach(change -> trail.add(new Line(change.at(), () -> item(change)))));
        trail.sort(Comparator.comparing(Line::at).reversed());
        entries.removeAll();
        trail.forEach(line -> entries.add(line.item().get()));
        empty.setVisible(trail.isEmpty());
    }

    private record Line(Instant at, Supplier<ListItem> item) {
    }

    /** A change another module added, with its fields' values as that module gave them. */
    private ListItem item(CompanyHistorySource.Change change) {
        var item = item(PageTexts.show(this, change.what()), change.at(), change.author());
        var fields = new UnorderedList();
        fields.addClassName("history-fields");
        for (CompanyHistorySource.Field field : change.fields()) {
            fields.add(new ListItem(getTranslation("company.history.field", getTranslation(field.labelKey()),
                    shown(field.before()), shown(field.after()))));
        }
        if (!change.fields().isEmpty()) {
            item.add(fields);
        }
        return item;
    }

    private String shown(@Nullable Object value) {
        String text = PageTexts.show(this, value);
        return text.isBlank() ? getTranslation("company.history.none") : text;
    }

    private ListItem item(String headline, Instant at, String author) {
        var what = new Span(headline);
        what.addClassName("history-what");
        var meta = new Span(DisplayFormats.dateTime(at) + " · " + authors.of(author));
        meta.addClassName("history-meta");
        var item = new ListItem(what, meta);
        item.addClassName("history-entry");
        return item;
    }

    private ListItem item(HistoryEntry entry) {
        var item = item(getTranslation("company.history.change." + entry.change().name(), subject(entry)), entry.at(), entry.author());
        var fields = new UnorderedList();
        fields.addClassName("history-fields");
        for (HistoryEntry.FieldChange change : entry.fields()) {
            // A new contact or engagement naturally belongs to this company: only a move (a merge) is worth a line.
            if ("partner.field.company".equals(change.field()) && change.before() == null) {
                continue;
            }
            fields.add(new ListItem(getTranslation("company.history.field", getTranslation(change.field()),
                    value(change.field(), change.before()), value(change.field(), change.after()))));
        }
        if (fields.getChildren().findAny().isPresent()) {
            item.add(fields);
        }
        return item;
    }

    private String subject(HistoryEntry entry) {
        String subject = entry.subject();
        return switch (entry.subjectType()) {
            case COMPANY -> subject == null ? getTranslation("company.history.subject.company")
                    : getTranslation("company.history.subject.merged-company", subject);
            case CONTACT -> getTranslation("company.history.subject.contact", subject == null ? "" : subject);
            case ENGAGEMENT -> getTranslation("company.history.subject.engagement",
                    subject == null ? "" : translatedEnum(EngagementType.class, subject, EngagementType::translationKey));
        };
    }

    /** A recorded value as people read it: translated names, French dates and phones, establishments by name. */
    private String value(String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return getTranslation("company.history.none");
        }
        return switch (field) {
            case "partner.field.stage" -> translatedEnum(PipelineStage.class, raw, PipelineStage::translationKey);
            case "partner.field.kind" -> translatedEnum(PartnerKind.class, raw, PartnerKind::translationKey);
            case "partner.field.engagement-type" -> translatedEnum(EngagementType.class, raw, EngagementType::translationKey);
            case "partner.field.engagement-status" -> translatedEnum(EngagementStatus.class, raw, EngagementStatus::translationKey);
            case "partner.field.email-status" -> translatedEnum(EmailStatus.class, raw, EmailStatus::translationKey);
            case "partner.field.labels" -> Arrays.stream(raw.split(",\\s*"))
                    .map(label -> translatedEnum(CompanyLabel.class, label, CompanyLabel::translationKey))
                    .collect(Collectors.joining(", "));
            case "partner.field.workforce" -> WorkforceBracket.ofCode(raw).map(b -> getTranslation(b.translationKey())).orElse(raw);
            case "partner.field.primary" -> getTranslation(Boolean.parseBoolean(raw) ? "company.history.yes" : "company.history.no");
            case "partner.field.start-date", "partner.field.end-date" -> date(raw);
            case "partner.field.phone" -> PhoneNumbers.display(raw);
            case "partner.field.establishments" -> Arrays.stream(raw.split(",\\s*")).map(this::establishment)
                    .collect(Collectors.joining(", "));
            default -> raw;
        };
    }

    private <E extends Enum<E>> String translatedEnum(Class<E> type, String name, Function<E, String> key) {
        try {
            return getTranslation(key.apply(Enum.valueOf(type, name)));
        } catch (IllegalArgumentException unknown) {
            return name;
        }
    }

    private static String date(String iso) {
        try {
            return DisplayFormats.date(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private String establishment(String id) {
        try {
            return reference.establishment(Long.parseLong(id)).map(EstablishmentDetails::name).orElse(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }
}
