package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.cohort.CohortDetails;
import fr.passerelle.cohort.CohortException;
import fr.passerelle.cohort.LinkedOffer;
import fr.passerelle.offer.OfferFilter;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.OfferSummary;
import fr.passerelle.cohort.CohortState;
import fr.passerelle.offer.OfferSuggestion;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * The offers linked to the cohort for its graduates. Those who read its participants see the coverage of their
 * release months by these offers; those who may change it (administrators, the referents of its DISP) link a
 * suggested or searched open offer, and unlink one.
 */
class LinkedOffersTab extends Composite<Div> {

    private final CohortForms forms;
    private final CohortDetails cohort;
    private final FieldErrors<CohortException> errors = new FieldErrors<>(this, CohortException.class, "cohort.error.not-allowed");
    /** A suggestion's refusal (no longer open, linked meanwhile) is a notification: it has no field. */
    private final FieldErrors<CohortException> suggestionErrors = new FieldErrors<>(this, CohortException.class, "cohort.error.not-allowed");
    final Grid<LinkedOffer> grid = new Grid<>(LinkedOffer.class, false);
    final ComboBox<OfferSummary> offer = new ComboBox<>();
    final @Nullable CoveragePanel coverage;
    final @Nullable SuggestedOffersPanel suggestions;

    LinkedOffersTab(CohortForms forms, CohortDetails cohort) {
        this.forms = forms;
        this.cohort = cohort;
        coverage = cohort.participantsVisible() ? new CoveragePanel() : null;
        if (coverage != null) {
            getContent().add(coverage);
        }
        getContent().add(new com.vaadin.flow.component.html.H3(getTranslation("cohort.offers.title")));
        boolean linking = cohort.editable() && cohort.state() != CohortState.CANCELLED;
        suggestions = linking ? new SuggestedOffersPanel(this::link) : null;
        grid.addColumn(LinkedOffer::title).setHeader(getTranslation("cohort.offer.field.title")).setKey("title").setFlexGrow(2);
        grid.addColumn(LinkedOffer::companyName).setHeader(getTranslation("cohort.offer.field.company")).setKey("company").setFlexGrow(2);
        grid.addColumn(LinkedOffer::romeCode).setHeader(getTranslation("cohort.offer.field.rome")).setKey("rome").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LinkedOffer::positions).setHeader(getTranslation("cohort.offer.field.positions")).setKey("positions").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> getTranslation(o.status().translationKey())).setHeader(getTranslation("cohort.offer.field.status"))
                .setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> Objects.requireNonNullElse(o.departmentCode(), "")).setHeader(getTranslation("cohort.offer.field.department"))
                .setKey("department").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> DisplayFormats.dateTime(o.linkedAt())).setHeader(getTranslation("cohort.offer.field.linked-at"))
                .setKey("linkedAt").setAutoWidth(true);
        if (cohort.editable()) {
            grid.addColumn(new ComponentRenderer<>(this::unlinkButton)).setHeader(getTranslation("cohort.column.actions"))
                    .setKey("actions").setAutoWidth(true);
            offer.setLabel(getTranslation("cohort.offer.pick"));
            offer.setHelperText(getTranslation("cohort.offer.pick.help"));
            offer.setItems(query -> forms.offers().search(OfferFilter.none().withStatuses(Set.of(OfferStatus.OPEN))
                            .withSearch(query.getFilter().orElse("")), PageRequest.of(query.getPage(), query.getPageSize())).stream());
            offer.setItemLabelGenerator(o -> o.title() + " — " + o.companyName() + " (" + o.romeCode() + ")");
            offer.setClearButtonVisible(true);
            offer.setWidth("28rem");
            errors.bind("offerId", offer);
            var link = new Button(getTranslation("cohort.offer.link"), VaadinIcon.LINK.create(), e -> link());
            link.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var row = new HorizontalLayout(offer, link);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            getContent().add(row);
        }
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("linked-offer-grid");
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateText(getTranslation("cohort.offers.empty"));
        getContent().add(grid);
        if (suggestions != null) {
            getContent().add(suggestions);
        }
        load();
    }

    private void link(OfferSuggestion suggestion) {
        if (suggestionErrors.attempt(() -> forms.cohortOffers().link(cohort.id(), suggestion.offer().id()))) {
            Notifications.success(getTranslation("cohort.offer.linked", suggestion.offer().title()));
        }
        load();
    }

    private void link() {
        OfferSummary chosen = offer.getValue();
        if (chosen == null) {
            errors.show(new CohortException("offerId", "cohort.error.required"));
            return;
        }
        if (errors.attempt(() -> forms.cohortOffers().link(cohort.id(), chosen.id()))) {
            Notifications.success(getTranslation("cohort.offer.linked", chosen.title()));
            offer.clear();
            load();
        }
    }

    private Button unlinkButton(LinkedOffer linked) {
        var unlink = new Button(getTranslation("cohort.offer.unlink"), e -> Confirmation.ask(getTranslation("cohort.offer.unlink.title"),
                getTranslation("cohort.offer.unlink.text", linked.title()), getTranslation("cohort.offer.unlink"), () -> {
                    if (errors.attempt(() -> forms.cohortOffers().unlink(cohort.id(), linked.offerId()))) {
                        Notifications.success(getTranslation("cohort.offer.unlinked", linked.title()));
                        load();
                    }
                }));
        unlink.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return unlink;
    }

    private void load() {
        grid.setItems(forms.cohortOffers().linkedOffers(cohort.id()));
        if (coverage != null) {
            coverage.show(forms.cohortOffers().coverage(cohort.id()));
        }
        if (suggestions != null) {
            suggestions.show(forms.cohortOffers().suggestions(cohort.id(), SuggestedOffersPanel.SHOWN));
        }
    }
}
