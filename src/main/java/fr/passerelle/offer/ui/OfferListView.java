package fr.passerelle.offer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.offer.OfferExportService;
import fr.passerelle.offer.OfferFilter;
import fr.passerelle.offer.OfferSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Every offer, paged from the database and filtered by DISP, state, type, ROME family, department, company
 * and a free search (accents ignored). Filters last for the session; a referent starts on their DISP.
 * Administrators and referents create offers; everyone exports the list as CSV; a row opens the offer.
 */
@Route("offres")
@Menu(order = 21, title = "nav.offers", icon = "vaadin:briefcase")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
class OfferListView extends Main implements HasDynamicTitle {

    static final String FILTER_ATTRIBUTE = OfferListView.class.getName() + ".filter";

    private final OfferFormDialog.Services services;
    private final OfferExportService exports;
    private final OfferFilterBar filters;
    private final Span resultCount = new Span();
    final Grid<OfferSummary> grid = new Grid<>(OfferSummary.class, false);

    OfferListView(OfferFormDialog.Services services, OfferExportService exports) {
        this.services = services;
        this.exports = exports;
        SignedInUser user = services.currentUser().require();
        addClassNames("list-view", "offer-list-view");
        setSizeFull();
        var reference = services.reference();
        filters = new OfferFilterBar(reference.disps(), reference.departments(), reference.romeFamilies(), services.companies(),
                this::filterChanged);
        resultCount.addClassName("result-count");
        resultCount.getElement().setAttribute("role", "status");
        resultCount.getElement().setAttribute("aria-live", "polite");
        configureGrid();
        add(filters, actions(), resultCount, grid);

        OfferFilter stored = (OfferFilter) VaadinSession.getCurrent().getAttribute(FILTER_ATTRIBUTE);
        filters.show(stored != null ? stored : OfferFilter.none().withDisp(user.dispCode()));
    }

    private ViewToolbar actions() {
        var spacer = new Div();
        spacer.addClassName("toolbar-spacer");
        var export = new Button(getTranslation("offer.list.export.action"), VaadinIcon.DOWNLOAD_ALT.create(), e -> openExport());
        export.setTooltipText(getTranslation("offer.list.export.action.label"));
        var toolbar = new ViewToolbar(spacer, export);
        if (services.offers().canCreate()) {
            var create = new Button(getTranslation("offer.list.create"), VaadinIcon.PLUS.create(), e -> openForm(null));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        return toolbar;
    }

    private void configureGrid() {
        grid.addColumn(OfferSummary::title).setHeader(getTranslation("offer.field.title")).setKey("title").setSortable(true)
                .setWidth("16rem").setFlexGrow(3).setTooltipGenerator(OfferSummary::title);
        grid.addColumn(o -> OfferDisplay.companyName(this, o)).setHeader(getTranslation("offer.field.company")).setKey("company")
                .setSortable(true).setWidth("14rem").setFlexGrow(2).setTooltipGenerator(o -> OfferDisplay.companyName(this, o));
        grid.addColumn(o -> getTranslation(o.type().translationKey())).setHeader(getTranslation("offer.field.type")).setKey("type")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> o.romeCode() + " – " + o.romeLabel()).setHeader(getTranslation("offer.field.rome")).setKey("rome")
                .setWidth("14rem").setFlexGrow(2).setTooltipGenerator(o -> o.romeCode() + " – " + o.romeLabel());
        grid.addColumn(OfferSummary::positions).setHeader(getTranslation("offer.field.positions")).setKey("positions")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(o -> OfferDisplay.statusBadge(o.status()))).setHeader(getTranslation("offer.field.status"))
                .setKey("status").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> Objects.requireNonNullElse(o.departmentCode(), "")).setHeader(getTranslation("offer.list.column.department"))
                .setKey("department").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OfferSummary::dispCode).setHeader(getTranslation("offer.field.disp")).setKey("disp").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> DisplayFormats.date(o.startDate())).setHeader(getTranslation("offer.field.start")).setKey("start")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> DisplayFormats.date(o.endDate())).setHeader(getTranslation("offer.field.end")).setKey("end")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> DisplayFormats.date(o.createdAt().atZone(DisplayFormats.PARIS).toLocalDate()))
                .setHeader(getTranslation("offer.field.created")).setKey("created").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(getTranslation("offer.list.grid"));
        grid.setEmptyStateComponent(emptyState());
        grid.setItemsPageable(pageable -> services.offers().search(filters.value(), pageable),
                (Pageable pageable) -> services.offers().count(filters.value()));
        grid.getLazyDataView().setIdentifierProvider(OfferSummary::id);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(e -> openForm(e.getItem()));
    }

    private Div emptyState() {
        var clear = new Button(getTranslation("offer.list.clear-filters"), VaadinIcon.CLOSE_SMALL.create(),
                e -> filters.show(OfferFilter.none()));
        clear.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var empty = new Div(new Paragraph(getTranslation("offer.list.empty")), clear);
        empty.addClassName("empty-state");
        return empty;
    }

    private void filterChanged() {
        VaadinSession.getCurrent().setAttribute(FILTER_ATTRIBUTE, filters.value());
        refresh();
    }

    private void refresh() {
        resultCount.setText(getTranslation("offer.list.count", services.offers().count(filters.value())));
        grid.getDataProvider().refreshAll();
    }

    /** A new offer (company picked in the form), or an existing one with its state's moves. */
    private void openForm(@Nullable OfferSummary row) {
        var existing = row == null ? null : services.offers().get(row.id()).orElse(null);
        if (existing != null && existing.companyDeclared()) {
            // A declaration has no CRM company yet: it is validated or rejected in the moderation queue.
            getUI().ifPresent(ui -> ui.navigate(ModerationView.class));
            return;
        }
        var dialog = new OfferFormDialog(services, existing, null, saved -> refresh());
        if (existing != null) {
            dialog.getFooter().addComponentAsFirst(new OfferStatusActions(services.offers(), existing.id(), existing.title(),
                    existing.status(), existing.editable(), () -> {
                        dialog.close();
                        refresh();
                    }));
        }
        dialog.open();
    }

    private void openExport() {
        OfferFilter filter = filters.value();
        new OfferExportDialog(exports, filter, sort(), services.offers().count(filter)).open();
    }

    /** The grid's sort as the service takes it. */
    private Sort sort() {
        return Sort.by(grid.getSortOrder().stream()
                .flatMap(order -> order.getSorted().getSortOrder(order.getDirection()))
                .map(order -> new Sort.Order(order.getDirection() == SortDirection.ASCENDING ? Sort.Direction.ASC : Sort.Direction.DESC,
                        order.getSorted()))
                .toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("offer.list.title");
    }
}
