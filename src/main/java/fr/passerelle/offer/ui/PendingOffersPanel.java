package fr.passerelle.offer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.offer.ModerationService;
import fr.passerelle.offer.PendingOffer;
import fr.passerelle.offer.Validation;
import fr.passerelle.partner.PhoneNumbers;
import fr.passerelle.partner.Siret;
import fr.passerelle.sirene.CompanyRegister;
import fr.passerelle.sirene.SiretLookup;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;

/**
 * The offers waiting for validation, oldest first, each with its company as declared, whether the CRM has that SIRET,
 * its Sirene status (asked per row when the referent wants it, so that a slow register never holds the page; answers
 * are kept for the session's view) and the validate and reject actions; a row opens on its full details.
 */
class PendingOffersPanel extends Composite<VerticalLayout> {

    private final ModerationService moderation;
    private final CompanyRegister register;
    private final Supplier<@Nullable String> disp;
    private final Runnable onChange;
    private final Map<String, SiretLookup> lookups = new HashMap<>();
    private final Span count = new Span();
    final Grid<PendingOffer> grid = new Grid<>(PendingOffer.class, false);

    PendingOffersPanel(ModerationService moderation, CompanyRegister register, Supplier<@Nullable String> disp, Runnable onChange) {
        this.moderation = moderation;
        this.register = register;
        this.disp = disp;
        this.onChange = onChange;
        getContent().setPadding(false);
        count.addClassName("moderation-offer-count");
        count.getElement().setAttribute("role", "status");
        count.getElement().setAttribute("aria-live", "polite");
        configureGrid();
        getContent().add(count, grid);
        refresh();
    }

    void refresh() {
        count.setText(getTranslation("moderation.offers.count", moderation.countPending(disp.get())));
        grid.getDataProvider().refreshAll();
    }

    private void configureGrid() {
        grid.addColumn(o -> DisplayFormats.date(o.createdAt().atZone(DisplayFormats.PARIS).toLocalDate()))
                .setHeader(getTranslation("moderation.column.received")).setKey("received")
                .setTooltipGenerator(o -> DisplayFormats.dateTime(o.createdAt())).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::company).setHeader(getTranslation("offer.field.company")).setKey("company").setWidth("13rem").setFlexGrow(2)
                .setTooltipGenerator(this::company);
        grid.addColumn(this::crm).setHeader(getTranslation("moderation.column.crm")).setKey("crm").setWidth("10rem").setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(this::sirene)).setHeader(getTranslation("moderation.column.sirene")).setKey("sirene")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> o.title() + " · " + getTranslation(o.type().translationKey())).setHeader(getTranslation("moderation.column.offer"))
                .setKey("offer").setWidth("15rem").setFlexGrow(3).setTooltipGenerator(PendingOffer::title);
        grid.addColumn(PendingOffer::dispCode).setHeader(getTranslation("offer.field.disp")).setKey("disp").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PendingOffersPanel::contact).setHeader(getTranslation("offer.field.contact")).setKey("contact").setWidth("12rem").setFlexGrow(2)
                .setTooltipGenerator(PendingOffersPanel::contact);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("moderation.column.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel(getTranslation("moderation.offers.title"));
        grid.addClassName("moderation-offer-grid");
        grid.setAllRowsVisible(true);
        var empty = new Div(getTranslation("moderation.offers.empty"));
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);
        grid.setItemsPageable(pageable -> moderation.pending(disp.get(), pageable), (Pageable pageable) -> moderation.countPending(disp.get()));
        grid.getLazyDataView().setIdentifierProvider(PendingOffer::offerId);
    }

    private String company(PendingOffer o) {
        String name = o.declared() ? getTranslation("moderation.company.declared", o.companyName()) : o.companyName();
        return o.siret() == null ? name : name + " · " + Siret.parse(o.siret()).map(Siret::formatted).orElse(o.siret());
    }

    private String crm(PendingOffer o) {
        if (!o.declared()) {
            return getTranslation("moderation.crm.attached");
        }
        return o.knownCompanyName() == null ? getTranslation("moderation.crm.new") : getTranslation("moderation.crm.known", o.knownCompanyName());
    }

    /** The register's status once asked, a button to ask it, or why it cannot be. */
    private Component sirene(PendingOffer o) {
        if (!register.enabled()) {
            return statusLabel(getTranslation("sirene.status.off"));
        }
        String siret = o.siret();
        if (siret == null) {
            return new Span();
        }
        SiretLookup known = lookups.get(siret);
        if (known != null) {
            return statusLabel(getTranslation(known.statusKey()));
        }
        var check = new Button(getTranslation("moderation.sirene.check"), VaadinIcon.SEARCH.create(), e -> {
            lookups.put(siret, register.lookup(siret));
            grid.getDataProvider().refreshItem(o);
        });
        check.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        check.setAriaLabel(getTranslation("moderation.sirene.check.label", o.companyName()));
        return check;
    }

    private static Span statusLabel(String text) {
        var label = new Span(text);
        label.addClassName("moderation-sirene-status");
        return label;
    }

    private static String contact(PendingOffer o) {
        return Stream.of(o.contactName(), o.contactEmail(), o.contactPhone() == null ? null : PhoneNumbers.display(o.contactPhone()))
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(" · "));
    }

    private HorizontalLayout actions(PendingOffer o) {
        var validate = new Button(getTranslation("moderation.validate"), VaadinIcon.CHECK.create(), e -> validate(o));
        validate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        validate.setAriaLabel(getTranslation("moderation.validate.label", o.title(), o.companyName()));
        var reject = new Button(getTranslation("moderation.reject"), VaadinIcon.BAN.create(),
                e -> new RejectDialog(moderation, o, () -> {
                    Notifications.success(getTranslation("moderation.rejected", o.title()));
                    onChange.run();
                }).open());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        reject.setAriaLabel(getTranslation("moderation.reject.label", o.title(), o.companyName()));
        return new HorizontalLayout(validate, reject);
    }

    private void validate(PendingOffer o) {
        Validation[] done = new Validation[1];
        if (OfferDisplay.attempt(this, () -> done[0] = moderation.validate(o.offerId()))) {
            Validation validation = Objects.requireNonNull(done[0]);
            Notifications.success(getTranslation(validation.companyCreated() ? "moderation.validated.created" : "moderation.validated",
                    o.title(), o.companyName()));
        }
        onChange.run();
    }

    /** Everything declared, to judge before validating. */
    private Component details(PendingOffer o) {
        var details = new Div();
        details.addClassName("moderation-details");
        line(details, "offer.field.description", o.description());
        line(details, "offer.field.positions", String.valueOf(o.positions()));
        line(details, "offer.field.contract", getTranslation(o.contractType().translationKey()));
        line(details, "offer.field.hours", o.hoursPerWeek() == null ? null : o.hoursPerWeek().stripTrailingZeros().toPlainString());
        line(details, "moderation.details.place", o.establishments() != null ? o.establishments()
                : Stream.of(o.commune(), o.departmentCode()).filter(Objects::nonNull).collect(Collectors.joining(", ")));
        line(details, "moderation.details.dates", DisplayFormats.date(o.startDate())
                + (o.endDate() == null ? "" : " – " + DisplayFormats.date(o.endDate())));
        line(details, "moderation.details.address", Stream.of(o.companyStreet(), o.companyPostcode(), o.companyCommune())
                .filter(Objects::nonNull).collect(Collectors.joining(" ")));
        line(details, "moderation.details.naf", o.nafCode());
        line(details, "moderation.details.workforce", o.workforceBracketCode() == null ? null
                : getTranslation("partner.workforce." + o.workforceBracketCode()));
        line(details, "moderation.details.job-title", o.contactJobTitle());
        return details;
    }

    private void line(Div details, String labelKey, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        var label = new Span(getTranslation(labelKey) + " : ");
        label.addClassName("moderation-details-label");
        // Typed by a visitor: shown as text, never as HTML.
        details.add(new Div(label, new Span(value)));
    }
}
