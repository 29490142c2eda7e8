package fr.passerelle.reference.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.EstablishmentFilter;
import fr.passerelle.reference.EstablishmentSummary;
import fr.passerelle.reference.EstablishmentType;
import fr.passerelle.reference.ReferenceService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;

/**
 * The prison establishments, filtered by DISP, type, department and a free search, with the details
 * of the selected one. The start page of the application. Filters last for the session; a referent
 * starts on their own DISP.
 */
@Route("etablissements")
@RouteAlias("")
@Menu(order = 10, title = "nav.establishments", icon = "vaadin:building")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
class EstablishmentListView extends Main implements HasDynamicTitle {

    static final String FILTER_ATTRIBUTE = EstablishmentListView.class.getName() + ".filter";

    private final ReferenceService reference;
    private final List<DispSummary> disps;
    private final List<EstablishmentType> types;
    private final List<DepartmentSummary> departments;

    private final ComboBox<DispSummary> dispFilter = new ComboBox<>();
    private final Select<EstablishmentType> typeFilter = new Select<>();
    private final ComboBox<DepartmentSummary> departmentFilter = new ComboBox<>();
    private final TextField search = new TextField();
    private final Span resultCount = new Span();
    private final Grid<EstablishmentSummary> grid = new Grid<>(EstablishmentSummary.class, false);
    private final EstablishmentDetailPanel detail = new EstablishmentDetailPanel(this::closeDetail);
    /** True while the fields are being set from a filter, so that each change does not query on its own. */
    private boolean applyingFilter;

    EstablishmentListView(ReferenceService reference, CurrentUser currentUser) {
        this.reference = reference;
        this.disps = reference.disps();
        this.types = reference.establishmentTypes();
        this.departments = reference.departments();
        addClassNames("list-view", "establishment-list-view");
        setSizeFull();

        configureFilters();
        configureGrid();
        resultCount.addClassName("result-count");
        resultCount.getElement().setAttribute("role", "status");
        resultCount.getElement().setAttribute("aria-live", "polite");

        var content = new Div(grid, detail);
        content.addClassName("establishment-content");
        add(new ViewToolbar(search, dispFilter, typeFilter, departmentFilter), resultCount, content);

        EstablishmentFilter stored = (EstablishmentFilter) VaadinSession.getCurrent().getAttribute(FILTER_ATTRIBUTE);
        applyFilter(stored != null ? stored
                : EstablishmentFilter.ofDisp(currentUser.find().map(SignedInUser::dispCode).orElse(null)));
    }

    private void configureFilters() {
        search.setId("establishment-search");
        search.setLabel(getTranslation("establishments.search"));
        search.setPlaceholder(getTranslation("establishments.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filterChanged());

        dispFilter.setLabel(getTranslation("establishments.filter.disp"));
        dispFilter.setPlaceholder(getTranslation("establishments.filter.disp.all"));
        dispFilter.setItems(disps);
        dispFilter.setItemLabelGenerator(DispSummary::code);
        dispFilter.setClearButtonVisible(true);
        dispFilter.addValueChangeListener(e -> {
            narrowDepartmentsToDisp();
            filterChanged();
        });

        typeFilter.setLabel(getTranslation("establishments.filter.type"));
        typeFilter.setEmptySelectionAllowed(true);
        typeFilter.setEmptySelectionCaption(getTranslation("establishments.filter.type.all"));
        typeFilter.setItems(types);
        typeFilter.setItemLabelGenerator(type -> type == null ? getTranslation("establishments.filter.type.all")
                : type.label() + " (" + type.code() + ")");
        typeFilter.addValueChangeListener(e -> filterChanged());

        departmentFilter.setLabel(getTranslation("establishments.filter.department"));
        departmentFilter.setPlaceholder(getTranslation("establishments.filter.department.all"));
        departmentFilter.setItems(departments);
        departmentFilter.setItemLabelGenerator(department -> department.code() + " – " + department.name());
        departmentFilter.setClearButtonVisible(true);
        departmentFilter.addValueChangeListener(e -> filterChanged());
    }

    private void configureGrid() {
        grid.addColumn(EstablishmentSummary::name).setHeader(getTranslation("establishments.column.name"))
                .setKey("name").setSortable(true).setFlexGrow(3).setTooltipGenerator(EstablishmentSummary::name);
        grid.addColumn(EstablishmentSummary::typeLabel).setHeader(getTranslation("establishments.column.type"))
                .setKey("type").setSortable(true).setAutoWidth(true);
        grid.addColumn(EstablishmentSummary::commune).setHeader(getTranslation("establishments.column.commune"))
                .setKey("commune").setSortable(true).setFlexGrow(1);
        grid.addColumn(e -> e.departmentCode() == null ? "" : e.departmentCode() + " – " + e.departmentName())
                .setHeader(getTranslation("establishments.column.department")).setKey("department").setSortable(true).setAutoWidth(true);
        grid.addColumn(EstablishmentSummary::dispCode).setHeader(getTranslation("establishments.column.disp"))
                .setKey("disp").setSortable(true).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(getTranslation("establishments.grid"));
        grid.setEmptyStateComponent(emptyState());
        grid.setItemsPageable(pageable -> reference.establishments(currentFilter(), pageable),
                (Pageable pageable) -> reference.countEstablishments(currentFilter()));
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));
    }

    private Div emptyState() {
        var clear = new Button(getTranslation("establishments.clear-filters"), VaadinIcon.CLOSE_SMALL.create(),
                e -> applyFilter(EstablishmentFilter.none()));
        clear.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var empty = new Div(new Paragraph(getTranslation("establishments.empty")), clear);
        empty.addClassName("empty-state");
        return empty;
    }

    /** Only the departments of the chosen DISP can be picked; a department of another DISP is dropped. */
    private void narrowDepartmentsToDisp() {
        DispSummary disp = dispFilter.getValue();
        DepartmentSummary department = departmentFilter.getValue();
        boolean alreadyApplying = applyingFilter;
        applyingFilter = true;
        try {
            departmentFilter.setItems(disp == null ? departments
                    : departments.stream().filter(d -> d.dispCode().equals(disp.code())).toList());
            if (department != null && (disp == null || department.dispCode().equals(disp.code()))) {
                departmentFilter.setValue(department);
            }
        } finally {
            applyingFilter = alreadyApplying;
        }
    }

    private EstablishmentFilter currentFilter() {
        return new EstablishmentFilter(
                Optional.ofNullable(dispFilter.getValue()).map(DispSummary::code).orElse(null),
                Optional.ofNullable(typeFilter.getValue()).map(EstablishmentType::code).orElse(null),
                Optional.ofNullable(departmentFilter.getValue()).map(DepartmentSummary::code).orElse(null),
                search.getValue());
    }

    private void applyFilter(EstablishmentFilter filter) {
        applyingFilter = true;
        try {
            dispFilter.setValue(find(disps, d -> d.code().equals(filter.dispCode())));
            typeFilter.setValue(find(types, t -> t.code().equals(filter.typeCode())));
            departmentFilter.setValue(find(departments, d -> d.code().equals(filter.departmentCode())));
            search.setValue(filter.search());
        } finally {
            applyingFilter = false;
        }
        filterChanged();
    }

    private static <T> @Nullable T find(List<T> items, java.util.function.Predicate<T> matches) {
        return items.stream().filter(matches).findFirst().orElse(null);
    }

    private void filterChanged() {
        if (applyingFilter) {
            return;
        }
        EstablishmentFilter filter = currentFilter();
        VaadinSession.getCurrent().setAttribute(FILTER_ATTRIBUTE, filter);
        long count = reference.countEstablishments(filter);
        resultCount.setText(getTranslation("establishments.count", count));
        grid.asSingleSelect().clear();
        grid.getDataProvider().refreshAll();
    }

    private void showDetail(@Nullable EstablishmentSummary selected) {
        if (selected == null) {
            detail.clear();
            return;
        }
        reference.establishment(selected.id()).ifPresentOrElse(detail::show, detail::clear);
    }

    private void closeDetail() {
        grid.asSingleSelect().clear();
        grid.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("establishments.title");
    }
}
