package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.EngagementService;
import fr.passerelle.partner.EngagementSummary;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.reference.ReferenceService;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What the company does with the network: workshops, subcontracting, hiring, apprenticeships, events. */
class EngagementsTab extends Div {

    private final EngagementService engagements;
    private final ReferenceService reference;
    private final CompanyDetails company;
    private final Grid<EngagementSummary> grid = new Grid<>(EngagementSummary.class, false);
    private final FieldErrors<PartnerException> errors = new FieldErrors<>(this, PartnerException.class, "company.error.not-allowed");

    EngagementsTab(EngagementService engagements, ReferenceService reference, CompanyDetails company) {
        this.engagements = engagements;
        this.reference = reference;
        this.company = company;
        addClassName("company-tab");

        if (company.editable()) {
            var add = new Button(getTranslation("company.engagements.add"), VaadinIcon.PLUS.create(), e -> open(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var toolbar = new Div(add);
            toolbar.addClassName("tab-toolbar");
            add(toolbar);
        }
        grid.addColumn(e -> getTranslation(e.type().translationKey())).setHeader(getTranslation("partner.field.engagement-type"))
                .setKey("type").setFlexGrow(2);
        grid.addComponentColumn(e -> Badges.engagementStatus(e.status())).setHeader(getTranslation("partner.field.engagement-status"))
                .setKey("status").setAutoWidth(true);
        grid.addColumn(e -> e.establishments().stream().map(EngagementSummary.EstablishmentRef::name).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("partner.field.establishments")).setKey("establishments").setFlexGrow(3);
        grid.addColumn(this::period).setHeader(getTranslation("company.engagements.period")).setKey("period").setAutoWidth(true);
        grid.addColumn(e -> e.headcount() == null ? "" : e.headcount().toString()).setHeader(getTranslation("partner.field.headcount"))
                .setKey("headcount").setAutoWidth(true);
        grid.addColumn(e -> e.volume() == null ? "" : e.volume()).setHeader(getTranslation("partner.field.volume")).setKey("volume")
                .setFlexGrow(1);
        grid.addColumn(e -> e.notes() == null ? "" : e.notes()).setHeader(getTranslation("partner.field.notes")).setKey("notes")
                .setFlexGrow(2).setTooltipGenerator(e -> e.notes() == null ? "" : e.notes());
        if (company.editable()) {
            grid.addComponentColumn(this::actions).setHeader(getTranslation("company.actions")).setKey("actions")
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("company.engagements.empty"));
        grid.setAriaLabel(getTranslation("company.tab.engagements"));
        add(grid);
        addAttachListener(e -> refresh());
    }

    void refresh() {
        grid.setItems(engagements.ofCompany(company.id()));
    }

    private String period(EngagementSummary engagement) {
        if (engagement.startDate() == null && engagement.endDate() == null) {
            return "";
        }
        if (engagement.endDate() == null) {
            return getTranslation("company.engagements.since", DisplayFormats.date(engagement.startDate()));
        }
        if (engagement.startDate() == null) {
            return getTranslation("company.engagements.until", DisplayFormats.date(engagement.endDate()));
        }
        return DisplayFormats.date(engagement.startDate()) + " – " + DisplayFormats.date(engagement.endDate());
    }

    private Component actions(EngagementSummary engagement) {
        String name = getTranslation(engagement.type().translationKey());
        var edit = new Button(VaadinIcon.EDIT.create(), e -> open(engagement));
        edit.setAriaLabel(getTranslation("company.engagements.edit.named", name));
        edit.setTooltipText(getTranslation("company.engagements.edit.named", name));
        var delete = new Button(VaadinIcon.TRASH.create(), e -> delete(engagement, name));
        delete.setAriaLabel(getTranslation("company.engagements.delete", name));
        delete.setTooltipText(getTranslation("company.engagements.delete", name));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (var button : List.of(edit, delete)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        }
        var actions = new HorizontalLayout(edit, delete);
        actions.setSpacing(false);
        return actions;
    }

    private void open(@Nullable EngagementSummary engagement) {
        new EngagementDialog(engagements, reference, company, engagement, this::refresh).open();
    }

    private void delete(EngagementSummary engagement, String name) {
        Confirmation.ask(getTranslation("company.engagements.delete.confirm.title", name),
                getTranslation("company.engagements.delete.confirm.text"), getTranslation("company.delete"),
                () -> {
                    if (errors.attempt(() -> engagements.delete(engagement.id()))) {
                        Notifications.success(getTranslation("company.engagements.deleted", name));
                        refresh();
                    }
                });
    }
}
