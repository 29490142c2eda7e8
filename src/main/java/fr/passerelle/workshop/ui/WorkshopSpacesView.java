package fr.passerelle.workshop.ui;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import fr.passerelle.workshop.ActivityCategory;
import fr.passerelle.workshop.Availability;
import fr.passerelle.workshop.WorkshopService;
import fr.passerelle.workshop.WorkshopSpaceFilter;
import fr.passerelle.workshop.WorkshopSpaceSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;

/**
 * "Espaces d’atelier": the spaces establishments offer to companies' workshops, paged from the database
 * and filtered by DISP, region, activity, availability and words; a referent starts on their DISP.
 * Administrators and the referents of a space's DISP create, change and delete; communication teams read.
 * A second tab holds the companies' pending requests for administrators and referents.
 */
@Route("ateliers")
@Menu(order = 12, title = "nav.workshops", icon = "vaadin:tools")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
class WorkshopSpacesView extends Main implements HasDynamicTitle {

    private record RegionChoice(String code, String name) {
    }

    private final WorkshopService workshops;
    private final ReferenceService reference;
    private final StaffDirectory staff;
    private final SignedInUser user;
    private final List<DispSummary> disps;
    private final ComboBox<DispSummary> dispFilter = new ComboBox<>();
    private final ComboBox<RegionChoice> regionFilter = new ComboBox<>();
    private final ComboBox<ActivityCategory> categoryFilter = new ComboBox<>();
    private final ComboBox<Availability> availabilityFilter = new ComboBox<>();
    private final TextField search = new TextField();
    private final Span resultCount = new Span();
    private final Grid<WorkshopSpaceSummary> grid = new Grid<>(WorkshopSpaceSummary.class, false);
    private @Nullable Tab interestsTab;

    WorkshopSpacesView(WorkshopService workshops, ReferenceService reference, StaffDirectory staff, CurrentUser currentUser) {
        this.workshops = workshops;
        this.reference = reference;
        this.staff = staff;
        this.user = currentUser.require();
        this.disps = reference.disps();
        addClassNames("list-view", "workshop-list-view");
        setSizeFull();

        var spaces = new VerticalLayout(filters(), resultCount, grid);
        spaces.setPadding(false);
        spaces.setSizeFull();
        resultCount.addClassName("result-count");
        resultCount.getElement().setAttribute("role", "status");
        resultCount.getElement().setAttribute("aria-live", "polite");
        configureGrid();
        if (user.role() == Role.COMMUNICATION) {
            add(spaces);
        } else {
            var tabs = new TabSheet();
            tabs.setSizeFull();
            tabs.add(getTranslation("workshop.tab.spaces"), spaces);
            interestsTab = tabs.add("", new WorkshopInterestsPanel(workshops, disps, user.isAdmin(), this::updateInterestsTab));
            updateInterestsTab();
            add(tabs);
        }
        dispFilter.setValue(disps.stream().filter(d -> d.code().equals(user.dispCode())).findFirst().orElse(null));
        refresh();
    }

    private Component filters() {
        dispFilter.setLabel(getTranslation("workshop.field.disp"));
        dispFilter.setItems(disps);
        dispFilter.setItemLabelGenerator(DispSummary::code);
        dispFilter.setClearButtonVisible(true);
        regionFilter.setLabel(getTranslation("workshop.field.region"));
        regionFilter.setItems(reference.departments().stream()
                .map(d -> new RegionChoice(d.regionCode(), d.regionName())).distinct()
                .sorted((a, b) -> a.name().compareTo(b.name())).toList());
        regionFilter.setItemLabelGenerator(RegionChoice::name);
        regionFilter.setClearButtonVisible(true);
        categoryFilter.setLabel(getTranslation("workshop.field.category"));
        categoryFilter.setItems(ActivityCategory.values());
        categoryFilter.setItemLabelGenerator(c -> getTranslation(c.translationKey()));
        categoryFilter.setClearButtonVisible(true);
        availabilityFilter.setLabel(getTranslation("workshop.field.availability"));
        availabilityFilter.setItems(Availability.values());
        availabilityFilter.setItemLabelGenerator(a -> getTranslation(a.translationKey()));
        availabilityFilter.setClearButtonVisible(true);
        search.setLabel(getTranslation("workshop.field.search"));
        search.setPlaceholder(getTranslation("workshop.field.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        for (var field : List.of(dispFilter, regionFilter, categoryFilter, availabilityFilter)) {
            field.addValueChangeListener(e -> refresh());
        }
        search.addValueChangeListener(e -> refresh());
        var toolbar = new ViewToolbar(dispFilter, regionFilter, categoryFilter, availabilityFilter, search);
        if (mayCreate()) {
            var create = new Button(getTranslation("workshop.spaces.create"), VaadinIcon.PLUS.create(), e -> openDialog(null));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        return toolbar;
    }

    private void configureGrid() {
        grid.addColumn(WorkshopSpaceSummary::establishmentName).setHeader(getTranslation("workshop.column.establishment"))
                .setKey("establishment").setSortable(true).setWidth("16rem").setFlexGrow(3).setTooltipGenerator(WorkshopSpaceSummary::establishmentName);
        grid.addColumn(WorkshopSpaceSummary::label).setHeader(getTranslation("workshop.column.label"))
                .setKey("label").setSortable(true).setWidth("10rem").setFlexGrow(2).setTooltipGenerator(s -> Objects.requireNonNullElse(s.currentActivity(), ""));
        grid.addColumn(WorkshopSpaceSummary::dispCode).setHeader(getTranslation("workshop.field.disp"))
                .setKey("disp").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> Objects.requireNonNullElse(s.departmentCode(), "")).setHeader(getTranslation("workshop.column.department"))
                .setKey("department").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> getTranslation("workshop.column.area.value", s.areaM2())).setHeader(getTranslation("workshop.column.area"))
                .setKey("area").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> getTranslation(s.activityCategory().translationKey())).setHeader(getTranslation("workshop.field.category"))
                .setKey("category").setSortable(true).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(this::availability).setHeader(getTranslation("workshop.field.availability"))
                .setKey("availability").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> getTranslation(s.publicListing() ? "workshop.column.public.yes" : "workshop.column.public.no"))
                .setHeader(getTranslation("workshop.column.public")).setKey("public").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> Objects.requireNonNullElse(s.referentName(), "")).setHeader(getTranslation("workshop.field.referent"))
                .setKey("referent").setWidth("11rem").setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("workshop.column.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(getTranslation("workshop.spaces.grid"));
        grid.addClassName("workshop-grid");
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateComponent(emptyState());
        grid.setItemsPageable(pageable -> workshops.spaces(filter(), pageable), (Pageable pageable) -> workshops.count(filter()));
        grid.getLazyDataView().setIdentifierProvider(WorkshopSpaceSummary::id);
    }

    private String availability(WorkshopSpaceSummary space) {
        return space.availability() == Availability.AVAILABLE_FROM
                ? getTranslation("workshop.availability.from", DisplayFormats.date(space.availableFrom()))
                : getTranslation(space.availability().translationKey());
    }

    private Component actions(WorkshopSpaceSummary space) {
        var cell = new Div();
        if (workshops.canEdit(space.dispCode())) {
            var edit = new Button(VaadinIcon.EDIT.create(), e -> openDialog(space));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setAriaLabel(getTranslation("workshop.action.edit.label", space.label()));
            edit.setTooltipText(getTranslation("workshop.action.edit"));
            cell.add(edit);
        }
        return cell;
    }

    private Div emptyState() {
        var clear = new Button(getTranslation("workshop.spaces.clear-filters"), VaadinIcon.CLOSE_SMALL.create(), e -> clearFilters());
        var empty = new Div(new Paragraph(getTranslation("workshop.spaces.empty")), clear);
        if (mayCreate()) {
            empty.add(new Paragraph(getTranslation("workshop.spaces.empty.create")));
        }
        empty.addClassName("empty-state");
        return empty;
    }

    private void clearFilters() {
        dispFilter.clear();
        regionFilter.clear();
        categoryFilter.clear();
        availabilityFilter.clear();
        search.clear();
    }

    private boolean mayCreate() {
        return user.role() == Role.ADMIN || user.role() == Role.REFERENT;
    }

    private WorkshopSpaceFilter filter() {
        DispSummary disp = dispFilter.getValue();
        RegionChoice region = regionFilter.getValue();
        return new WorkshopSpaceFilter(disp == null ? null : disp.code(), region == null ? null : region.code(), null,
                categoryFilter.getValue(), availabilityFilter.getValue(), search.getValue());
    }

    private void refresh() {
        resultCount.setText(getTranslation("workshop.spaces.count", workshops.count(filter())));
        grid.getDataProvider().refreshAll();
    }

    private void openDialog(@Nullable WorkshopSpaceSummary existing) {
        List<DispSummary> editable = disps.stream().filter(d -> workshops.canEdit(d.code())).toList();
        DispSummary chosen = dispFilter.getValue();
        new WorkshopSpaceDialog(workshops, reference, staff.referents(), editable, existing, chosen == null ? null : chosen.code(),
                () -> {
                    refresh();
                    updateInterestsTab();
                }).open();
    }

    private void updateInterestsTab() {
        if (interestsTab != null) {
            interestsTab.setLabel(getTranslation("workshop.tab.interests", workshops.countPendingInterests(null)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workshop.title");
    }
}
