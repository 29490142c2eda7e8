package fr.passerelle.offer.ui;

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
import fr.passerelle.workshop.WorkshopException;
import fr.passerelle.workshop.WorkshopInterestSummary;
import fr.passerelle.workshop.WorkshopService;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

/** The companies' pending requests about workshop spaces in the queue, oldest first: "Traité" or "Classer sans suite". */
class PendingInterestsPanel extends Composite<VerticalLayout> {

    private final WorkshopService workshops;
    private final Supplier<@Nullable String> disp;
    private final Runnable onChange;
    private final Span count = new Span();
    final Grid<WorkshopInterestSummary> grid = new Grid<>(WorkshopInterestSummary.class, false);

    PendingInterestsPanel(WorkshopService workshops, Supplier<@Nullable String> disp, Runnable onChange) {
        this.workshops = workshops;
        this.disp = disp;
        this.onChange = onChange;
        getContent().setPadding(false);
        count.getElement().setAttribute("role", "status");
        count.getElement().setAttribute("aria-live", "polite");
        grid.addColumn(i -> DisplayFormats.dateTime(i.createdAt())).setHeader(getTranslation("moderation.column.received"))
                .setKey("received").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.siret() == null ? i.companyName() : i.companyName() + " · " + i.siret())
                .setHeader(getTranslation("offer.field.company")).setKey("company").setFlexGrow(2);
        grid.addColumn(i -> i.establishmentName() + " – " + i.spaceLabel()).setHeader(getTranslation("moderation.column.space"))
                .setKey("space").setFlexGrow(2);
        grid.addColumn(i -> i.contactName() + " · " + i.email() + (i.phone() == null ? "" : " · " + i.phone()))
                .setHeader(getTranslation("offer.field.contact")).setKey("contact").setFlexGrow(2);
        grid.addColumn(i -> Objects.requireNonNullElse(i.message(), "")).setHeader(getTranslation("moderation.column.message"))
                .setKey("message").setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("moderation.column.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel(getTranslation("moderation.interests.title"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateComponent(new Div(getTranslation("moderation.interests.empty")));
        grid.setItemsPageable(pageable -> workshops.pendingInterests(disp.get(), pageable),
                (Pageable pageable) -> workshops.countPendingInterests(disp.get()));
        grid.getLazyDataView().setIdentifierProvider(WorkshopInterestSummary::id);
        getContent().add(count, grid);
        refresh();
    }

    void refresh() {
        count.setText(getTranslation("moderation.interests.count", workshops.countPendingInterests(disp.get())));
        grid.getDataProvider().refreshAll();
    }

    private HorizontalLayout actions(WorkshopInterestSummary interest) {
        var handled = button("moderation.interest.handled", VaadinIcon.CHECK, interest, workshops::markHandled);
        handled.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        return new HorizontalLayout(handled, button("moderation.interest.dismiss", VaadinIcon.ARCHIVE, interest, workshops::dismiss));
    }

    private Button button(String key, VaadinIcon icon, WorkshopInterestSummary interest, LongConsumer action) {
        var button = new Button(getTranslation(key), icon.create(), e -> {
            try {
                action.accept(interest.id());
                Notifications.success(getTranslation(key + ".done", interest.companyName()));
            } catch (WorkshopException ex) {
                Notifications.error(getTranslation(ex.messageKey()));
            } catch (AccessDeniedException ex) {
                Notifications.error(getTranslation("offer.error.not-allowed"));
            }
            onChange.run();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(getTranslation(key + ".label", interest.companyName()));
        return button;
    }
}
