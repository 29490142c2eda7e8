package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.CompanyListAction;
import fr.passerelle.partner.CompanyMergeService;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySummary;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.SavedViewService;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The partner companies, paged from the database and filtered by DISP, department, stage, engagement,
 * sector, referent, label and a free search; each person's saved views. Filters last for the session;
 * a referent starts on their own DISP. Administrators and referents create companies and merge
 * duplicates; other modules add their buttons ({@link CompanyListAction}: the CSV export); a row opens the company.
 */
@Route("entreprises")
@Menu(order = 20, title = "nav.companies", icon = "vaadin:factory")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
class CompanyListView extends Main implements HasDynamicTitle {

    static final String FILTER_ATTRIBUTE = CompanyListView.class.getName() + ".filter";

    /**
     * What a list starts on (decision record 015): the companies list shows every kind of partner, the
     * organisations list ({@link OrganisationListView}) the kinds other than companies.
     *
     * @param filterAttribute where the session keeps the list's filters
     * @param kinds           the kinds shown until the person changes the filter
     * @param newKind         the kind the create button starts with
     */
    record Preset(String filterAttribute, Set<PartnerKind> kinds, PartnerKind newKind, String titleKey, String createKey,
                  String countKey) {
        static final Preset ALL = new Preset(FILTER_ATTRIBUTE, Set.of(), PartnerKind.COMPANY, "companies.title", "companies.create",
                "companies.count");
    }

    private final CompanyService companies;
    private final CompanyMergeService merges;
    private final List<CompanyListAction> listActions;
    private final ReferenceService reference;
    private final StaffDirectory staff;
    private final boolean canEdit;
    private final Preset preset;

    private final CompanyFilterBar filters;
    private final SavedViewBar savedViews;
    private final Span resultCount = new Span();
    private final Grid<CompanySummary> grid = new Grid<>(CompanySummary.class, false);
    private final Button merge = new Button();
    /** The row that has the keyboard focus, opened with Enter. */
    private @Nullable CompanySummary focused;
    /** True while a saved view is applied, so that the saved view stays shown as the one applied. */
    private boolean applyingSavedView;

    @Autowired
    CompanyListView(CompanyService companies, CompanyMergeService merges, ObjectProvider<CompanyListAction> listActions,
                    SavedViewService savedViewService, ReferenceService reference, StaffDirectory staff, CurrentUser currentUser) {
        this(companies, merges, listActions, savedViewService, reference, staff, currentUser, Preset.ALL);
    }

    CompanyListView(CompanyService companies, CompanyMergeService merges, ObjectProvider<CompanyListAction> listActions,
                    SavedViewService savedViewService, ReferenceService reference, StaffDirectory staff, CurrentUser currentUser,
                    Preset preset) {
        this.preset = preset;
        this.companies = companies;
        this.merges = merges;
        this.listActions = listActions.stream().sorted(Comparator.comparingInt(CompanyListAction::order)).toList();
        this.reference = reference;
        this.staff = staff;
        SignedInUser user = currentUser.require();
        this.canEdit = user.role() == Role.ADMIN || user.role() == Role.REFERENT;
        addClassNames("list-view", "company-list-view");
        setSizeFull();

        filters = new CompanyFilterBar(reference.disps(), reference.departments(), reference.nafSections(), staff.referents(),
                this::filterChanged);
        savedViews = new SavedViewBar(savedViewService, filters::value, this::applySavedView);
        resultCount.addClassName("result-count");
        resultCount.getElement().setAttribute("role", "status");
        resultCount.getElement().setAttribute("aria-live", "polite");
        configureGrid();
        add(filters, actions(), resultCount, grid);

        CompanyFilter stored = (CompanyFilter) VaadinSession.getCurrent().getAttribute(preset.filterAttribute());
        filters.show(stored != null ? stored : CompanyFilter.none().withDisp(user.dispCode()).withKinds(preset.kinds()));
    }

    private ViewToolbar actions() {
        var spacer = new Div();
        spacer.addClassName("toolbar-spacer");
        var toolbar = new ViewToolbar(savedViews, spacer);
        listActions.forEach(action -> toolbar.add(button(action)));
        toolbar.addClassName("company-actions");
        if (canEdit) {
            merge.setText(getTranslation("companies.merge.action"));
            merge.setIcon(VaadinIcon.COMPRESS_SQUARE.create());
            merge.setTooltipText(getTranslation("companies.merge.help"));
            merge.setEnabled(false);
            merge.addClickListener(e -> openMerge());
            var create = new Button(getTranslation(preset.createKey()), VaadinIcon.PLUS.create(), e -> openCreate());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(merge, create);
        }
        return toolbar;
    }

    private void configureGrid() {
        grid.addColumn(CompanySummary::displayName).setHeader(getTranslation("companies.column.name"))
                .setKey("name").setSortable(true).setWidth("12rem").setFlexGrow(3).setTooltipGenerator(CompanySummary::displayName);
        grid.addColumn(new ComponentRenderer<>(c -> CompanyDisplay.kindBadge(c.kind())))
                .setHeader(getTranslation("partner.field.kind")).setKey("kind").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> CompanyDisplay.siret(c.siret())).setHeader(getTranslation("partner.field.siret"))
                .setKey("siret").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> Objects.requireNonNullElse(c.commune(), "")).setHeader(getTranslation("partner.field.commune"))
                .setKey("commune").setSortable(true).setWidth("7rem").setFlexGrow(1);
        grid.addColumn(CompanySummary::departmentCode).setHeader(getTranslation("companies.column.department"))
                .setKey("department").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CompanySummary::dispCode).setHeader(getTranslation("companies.filter.disp"))
                .setKey("disp").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(c -> CompanyDisplay.stageBadge(c.stage())))
                .setHeader(getTranslation("partner.field.stage")).setKey("stage").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> Objects.requireNonNullElse(c.ownerName(), "")).setHeader(getTranslation("partner.field.owner"))
                .setKey("owner").setSortable(true).setWidth("8rem").setFlexGrow(1).setTooltipGenerator(c -> Objects.requireNonNullElse(c.ownerName(), ""));
        grid.addColumn(c -> DisplayFormats.date(c.updatedAt().atZone(DisplayFormats.PARIS).toLocalDate()))
                .setHeader(getTranslation("companies.column.updated")).setTooltipGenerator(c -> DisplayFormats.dateTime(c.updatedAt()))
                .setKey("updated").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(getTranslation("companies.grid"));
        grid.addClassName("company-grid");
        grid.setEmptyStateComponent(emptyState());
        grid.setItemsPageable(pageable -> companies.search(filters.value(), pageable),
                (Pageable pageable) -> companies.count(filters.value()));
        grid.getLazyDataView().setIdentifierProvider(CompanySummary::id);
        if (canEdit) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.asMultiSelect().addValueChangeListener(e -> merge.setEnabled(e.getValue().size() == 2));
        } else {
            grid.setSelectionMode(Grid.SelectionMode.NONE);
        }
        // A click in a cell opens the company; a click on the selection checkbox (no column) only selects.
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null) {
                open(e.getItem());
            }
        });
        grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
        Shortcuts.addShortcutListener(grid, () -> {
            if (focused != null) {
                open(focused);
            }
        }, Key.ENTER).listenOn(grid);
    }

    private Div emptyState() {
        var clear = new Button(getTranslation("companies.clear-filters"), VaadinIcon.CLOSE_SMALL.create(),
                e -> filters.show(CompanyFilter.none()));
        clear.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var empty = new Div(new Paragraph(getTranslation("companies.empty")), clear);
        if (canEdit) {
            empty.add(new Paragraph(getTranslation("companies.empty.create")));
        }
        empty.addClassName("empty-state");
        return empty;
    }

    private void applySavedView(CompanyFilter filter) {
        applyingSavedView = true;
        try {
            filters.show(filter);
        } finally {
            applyingSavedView = false;
        }
    }

    private void filterChanged() {
        CompanyFilter filter = filters.value();
        VaadinSession.getCurrent().setAttribute(preset.filterAttribute(), filter);
        if (!applyingSavedView) {
            savedViews.filtersChanged();
        }
        refresh();
    }

    private void refresh() {
        resultCount.setText(getTranslation(preset.countKey(), companies.count(filters.value())));
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    private void open(CompanySummary company) {
        UI.getCurrent().navigate("entreprises/" + company.id());
    }

    private void openCreate() {
        new CompanyFormDialog(companies, merges, reference, staff, null, preset.newKind(), saved -> refresh()).open();
    }

    private void openMerge() {
        // The older record is proposed as the one kept; the person can swap.
        var selected = grid.getSelectedItems().stream().sorted(Comparator.comparingLong(CompanySummary::id)).toList();
        if (selected.size() == 2) {
            new MergeDialog(merges, selected.get(0).id(), selected.get(1).id(), kept -> refresh()).open();
        }
    }

    private Button button(CompanyListAction action) {
        var button = new Button(getTranslation(action.textKey()), new Icon(action.icon()), e -> {
            CompanyFilter filter = filters.value();
            action.run(filter, sort(), companies.count(filter));
        });
        button.setAriaLabel(getTranslation(action.descriptionKey()));
        button.setTooltipText(getTranslation(action.descriptionKey()));
        return button;
    }

    /** The grid's sort as the service takes it: what the data provider is given for the shown page. */
    private Sort sort() {
        return Sort.by(grid.getSortOrder().stream()
                .flatMap(order -> order.getSorted().getSortOrder(order.getDirection()))
                .map(order -> new Sort.Order(order.getDirection() == SortDirection.ASCENDING ? Sort.Direction.ASC : Sort.Direction.DESC,
                        order.getSorted()))
                .toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation(preset.titleKey());
    }
}
