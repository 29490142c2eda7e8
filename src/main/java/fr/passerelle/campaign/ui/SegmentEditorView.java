package fr.passerelle.campaign.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.campaign.CampaignException;
import fr.passerelle.campaign.Segment;
import fr.passerelle.campaign.SegmentCount;
import fr.passerelle.campaign.SegmentFilter;
import fr.passerelle.campaign.SegmentFilter.OfferPresence;
import fr.passerelle.campaign.SegmentService;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.EngagementType;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.NafSection;
import fr.passerelle.reference.ReferenceService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A segment's filters and its live count, refreshed on every change: how many addresses it reaches and how many
 * contacts it leaves out, and why. Communication teams and administrators save it; referents only read it.
 */
@Route("campagnes/segments/:" + SegmentEditorView.SEGMENT_ID)
@RolesAllowed({Role.ADMIN_NAME, Role.COMMUNICATION_NAME, Role.REFERENT_NAME})
class SegmentEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String SEGMENT_ID = "segmentId";
    static final String NEW = "nouveau";

    /** A region, as the departments tell it. */
    record Region(String code, String name) {
    }

    private final SegmentService segments;
    private final boolean canManage;
    private final FieldErrors<CampaignException> errors = new FieldErrors<>(this, CampaignException.class, "campaign.error.not-allowed");

    final H2 title = new H2();
    final TextField name = new TextField();
    final MultiSelectComboBox<DispSummary> disps = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Region> regions = new MultiSelectComboBox<>();
    final MultiSelectComboBox<DepartmentSummary> departments = new MultiSelectComboBox<>();
    final MultiSelectComboBox<NafSection> sections = new MultiSelectComboBox<>();
    final MultiSelectComboBox<WorkforceBracket> brackets = new MultiSelectComboBox<>();
    final MultiSelectComboBox<PipelineStage> stages = new MultiSelectComboBox<>();
    final MultiSelectComboBox<EngagementType> engagements = new MultiSelectComboBox<>();
    final MultiSelectComboBox<CompanyLabel> labels = new MultiSelectComboBox<>();
    final IntegerField months = new IntegerField();
    final Select<OfferPresence> offers = new Select<>();
    final Span count = new Span();
    final Paragraph excluded = new Paragraph();
    final Button save = new Button();
    final Button delete = new Button();

    private @Nullable Segment segment;
    /** True while the fields are being filled from a saved segment, so that the count runs once. */
    private boolean showing;

    SegmentEditorView(SegmentService segments, ReferenceService reference) {
        this.segments = segments;
        this.canManage = segments.canManage();
        addClassNames("segment-editor-view");
        List<DepartmentSummary> allDepartments = reference.departments();
        setUp(name, "campaign.field.name");
        setUp(disps, "campaign.segment.field.disps", reference.disps(), DispSummary::name);
        setUp(regions, "campaign.segment.field.regions", allDepartments.stream().map(d -> new Region(d.regionCode(), d.regionName()))
                .distinct().sorted(java.util.Comparator.comparing(Region::name)).toList(), Region::name);
        setUp(departments, "campaign.segment.field.departments", allDepartments, d -> d.code() + " " + d.name());
        setUp(sections, "campaign.segment.field.sections", reference.nafSections(), s -> s.code() + " – " + s.label());
        setUp(brackets, "campaign.segment.field.brackets", List.of(WorkforceBracket.values()), b -> getTranslation(b.translationKey()));
        setUp(stages, "campaign.segment.field.stages", List.of(PipelineStage.values()), s -> getTranslation(s.translationKey()));
        setUp(engagements, "campaign.segment.field.engagements", List.of(EngagementType.values()),
                t -> getTranslation(t.translationKey()));
        setUp(labels, "campaign.segment.field.labels", List.of(CompanyLabel.values()), l -> getTranslation(l.translationKey()));
        months.setLabel(getTranslation("campaign.segment.field.months"));
        months.setHelperText(getTranslation("campaign.segment.field.months.help"));
        months.setMin(1);
        months.setMax(SegmentFilter.MAX_MONTHS);
        months.setStepButtonsVisible(true);
        months.setClearButtonVisible(true);
        months.addValueChangeListener(e -> refreshCount());
        offers.setLabel(getTranslation("campaign.segment.field.offers"));
        offers.setItems(OfferPresence.values());
        offers.setItemLabelGenerator(o -> getTranslation(o.translationKey()));
        offers.setValue(OfferPresence.ANY);
        offers.addValueChangeListener(e -> refreshCount());
        errors.bind("name", name).bind("noInteractionForMonths", months);

        count.addClassName("segment-count");
        count.getElement().setAttribute("role", "status");
        count.getElement().setAttribute("aria-live", "polite");
        excluded.addClassName("segment-excluded");

        save.setText(getTranslation("campaign.action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        delete.setText(getTranslation("campaign.action.delete"));
        delete.setIcon(VaadinIcon.TRASH.create());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDelete());
        var toolbar = new ViewToolbar(title);
        if (canManage) {
            toolbar.add(delete, save);
        }
        var form = new FormLayout(name, disps, regions, departments, sections, brackets, stages, engagements, labels, months, offers);
        form.setColspan(name, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        setReadOnly(!canManage);
        add(toolbar, count, excluded, form);
    }

    static void open(@Nullable Long id) {
        UI.getCurrent().navigate(SegmentEditorView.class, new RouteParameters(SEGMENT_ID, id == null ? NEW : String.valueOf(id)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(SEGMENT_ID).orElse(NEW);
        if (id.equals(NEW)) {
            if (!canManage) {
                event.forwardTo(SegmentListView.class);
                return;
            }
            show(null);
            return;
        }
        parse(id).flatMap(segments::find).ifPresentOrElse(this::show, () -> {
            Notifications.error(getTranslation("campaign.error.segment-not-found"));
            event.forwardTo(SegmentListView.class);
        });
    }

    private void show(@Nullable Segment shown) {
        segment = shown;
        showing = true;
        SegmentFilter filter = shown == null ? SegmentFilter.none() : shown.filter();
        name.setValue(shown == null ? "" : shown.name());
        select(disps, filter.dispCodes(), DispSummary::code);
        select(regions, filter.regionCodes(), Region::code);
        select(departments, filter.departmentCodes(), DepartmentSummary::code);
        select(sections, filter.nafSections(), NafSection::code);
        brackets.setValue(filter.workforceBrackets());
        stages.setValue(filter.stages());
        engagements.setValue(filter.engagementTypes());
        labels.setValue(filter.labels());
        months.setValue(filter.noInteractionForMonths());
        offers.setValue(filter.offers());
        showing = false;
        delete.setVisible(shown != null);
        title.setText(getPageTitle());
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
        refreshCount();
    }

    /** The filters as the fields show them now. */
    SegmentFilter filter() {
        return new SegmentFilter(codes(disps.getValue(), DispSummary::code), codes(regions.getValue(), Region::code),
                codes(departments.getValue(), DepartmentSummary::code), codes(sections.getValue(), NafSection::code),
                brackets.getValue(), stages.getValue(), engagements.getValue(), labels.getValue(), months.getValue(),
                offers.getValue());
    }

    private void refreshCount() {
        if (showing) {
            return;
        }
        errors.attempt(() -> {
            SegmentCount counted = segments.count(filter());
            count.setText(getTranslation("campaign.segment.count", counted.recipients(), counted.companies()));
            excluded.setText(getTranslation("campaign.segment.excluded", counted.excluded(), counted.withoutEmail(),
                    counted.unsubscribed(), counted.bounced(), counted.optedOut()));
        });
    }

    private void save() {
        errors.attempt(() -> {
            Segment saved = segment == null ? segments.create(name.getValue(), filter())
                    : segments.update(segment.id(), segment.version(), name.getValue(), filter());
            Notifications.success(getTranslation("campaign.segment.saved", saved.name()));
            if (segment == null) {
                open(saved.id());
            } else {
                show(saved);
            }
        });
    }

    private void confirmDelete() {
        Segment shown = segment;
        if (shown == null) {
            return;
        }
        Confirmation.ask(getTranslation("campaign.segment.delete.header"), getTranslation("campaign.segment.delete.text", shown.name()),
                getTranslation("campaign.action.delete"), () -> {
                    if (errors.attempt(() -> segments.delete(shown.id()))) {
                        UI.getCurrent().navigate(SegmentListView.class);
                    }
                });
    }

    private void setReadOnly(boolean readOnly) {
        name.setReadOnly(readOnly);
        for (var field : List.of(disps, regions, departments, sections, brackets, stages, engagements, labels)) {
            field.setReadOnly(readOnly);
        }
        months.setReadOnly(readOnly);
        offers.setReadOnly(readOnly);
    }

    private void setUp(TextField field, String labelKey) {
        field.setLabel(getTranslation(labelKey));
        field.setMaxLength(120);
        field.setRequiredIndicatorVisible(true);
    }

    private <T> void setUp(MultiSelectComboBox<T> field, String labelKey, Collection<T> items, Function<T, String> label) {
        field.setLabel(getTranslation(labelKey));
        field.setItems(items);
        field.setItemLabelGenerator(label::apply);
        field.setPlaceholder(getTranslation("campaign.segment.any"));
        field.setClearButtonVisible(true);
        field.addValueChangeListener(e -> refreshCount());
    }

    private static <T> void select(MultiSelectComboBox<T> field, Set<String> codes, Function<T, String> code) {
        field.setValue(field.getListDataView().getItems().filter(item -> codes.contains(code.apply(item))).collect(Collectors.toSet()));
    }

    private static <T> Set<String> codes(Set<T> values, Function<T, String> code) {
        return values.stream().map(code).collect(Collectors.toSet());
    }

    private static java.util.Optional<Long> parse(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return segment == null ? getTranslation("campaign.segment.new.title") : getTranslation("campaign.segment.edit.title", segment.name());
    }
}
