package fr.passerelle.workshop.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.partner.PhoneNumbers;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.workshop.WorkshopException;
import fr.passerelle.workshop.WorkshopInterestSummary;
import fr.passerelle.workshop.WorkshopService;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;

/**
 * The companies' pending requests about workshop spaces, oldest first: the referent's DISP, or any DISP
 * (every one by default) for an administrator. Each is marked handled once the company has been answered,
 * or dismissed. Texts typed by visitors are shown as text, never as HTML.
 */
class WorkshopInterestsPanel extends Composite<VerticalLayout> {

    private final WorkshopService workshops;
    private final Runnable onChange;
    private final ComboBox<DispSummary> dispFilter = new ComboBox<>();
    private final Span count = new Span();
    private final Grid<WorkshopInterestSummary> grid = new Grid<>(WorkshopInterestSummary.class, false);

    WorkshopInterestsPanel(WorkshopService workshops, List<DispSummary> disps, boolean admin, Runnable onChange) {
        this.workshops = workshops;
        this.onChange = onChange;
        var layout = getContent();
        layout.setPadding(false);
        layout.setSizeFull();
        dispFilter.setLabel(getTranslation("workshop.field.disp"));
        dispFilter.setItems(disps);
        dispFilter.setItemLabelGenerator(DispSummary::code);
        dispFilter.setClearButtonVisible(true);
        dispFilter.setVisible(admin);
        dispFilter.addValueChangeListener(e -> refresh());
        count.addClassName("interest-count");
        count.getElement().setAttribute("role", "status");
        count.getElement().setAttribute("aria-live", "polite");
        configureGrid();
        layout.add(new ViewToolbar(dispFilter), count, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addColumn(i -> DisplayFormats.date(i.createdAt().atZone(DisplayFormats.PARIS).toLocalDate()))
                .setHeader(getTranslation("workshop.interests.column.received")).setKey("received")
                .setTooltipGenerator(i -> DisplayFormats.dateTime(i.createdAt())).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.siret() == null ? i.companyName() : i.companyName() + " (" + i.siret() + ")")
                .setHeader(getTranslation("workshop.interests.column.company")).setKey("company").setFlexGrow(2);
        grid.addColumn(WorkshopInterestsPanel::contact).setHeader(getTranslation("workshop.interests.column.contact"))
                .setKey("contact").setFlexGrow(2).setTooltipGenerator(WorkshopInterestsPanel::contact);
        grid.addColumn(i -> i.establishmentName() + " – " + i.spaceLabel())
                .setHeader(getTranslation("workshop.interests.column.space")).setKey("space").setFlexGrow(2);
        grid.addColumn(i -> Objects.requireNonNullElse(i.message(), "")).setHeader(getTranslation("workshop.interests.column.message"))
                .setKey("message").setFlexGrow(3).setTooltipGenerator(i -> Objects.requireNonNullElse(i.message(), ""));
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("workshop.column.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel(getTranslation("workshop.interests.grid"));
        grid.addClassName("workshop-interest-grid");
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        var empty = new Div(getTranslation("workshop.interests.empty"));
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);
        grid.setItemsPageable(pageable -> workshops.pendingInterests(disp(), pageable),
                (Pageable pageable) -> workshops.countPendingInterests(disp()));
        grid.getLazyDataView().setIdentifierProvider(WorkshopInterestSummary::id);
    }

    private static String contact(WorkshopInterestSummary i) {
        String phone = i.phone() == null ? "" : " · " + PhoneNumbers.display(i.phone());
        return i.contactName() + " · " + i.email() + phone;
    }

    private HorizontalLayout actions(WorkshopInterestSummary interest) {
        var handle = action("workshop.interests.handle", VaadinIcon.CHECK, interest, workshops::markHandled, "workshop.interests.handled");
        handle.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        var dismiss = action("workshop.interests.dismiss", VaadinIcon.BAN, interest, workshops::dismiss, "workshop.interests.dismissed");
        var buttons = new HorizontalLayout(handle, dismiss);
        buttons.setSpacing(true);
        return buttons;
    }

    private Button action(String key, VaadinIcon icon, WorkshopInterestSummary interest,
                          LongFunction<WorkshopInterestSummary> change, String doneKey) {
        var button = new Button(getTranslation(key), icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(getTranslation(key + ".label", interest.companyName()));
        button.addClickListener(e -> {
            if (new FieldErrors<>(this, WorkshopException.class, "workshop.error.not-allowed").attempt(() -> change.apply(interest.id()))) {
                Notifications.success(getTranslation(doneKey, interest.companyName()));
            }
            refresh();
            onChange.run();
        });
        return button;
    }

    private @Nullable String disp() {
        DispSummary chosen = dispFilter.getValue();
        return chosen == null ? null : chosen.code();
    }

    void refresh() {
        count.setText(getTranslation("workshop.interests.count", workshops.countPendingInterests(disp())));
        grid.getDataProvider().refreshAll();
    }
}
