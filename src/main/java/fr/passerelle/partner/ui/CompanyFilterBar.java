package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.EngagementType;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.NafSection;
import fr.passerelle.security.StaffMember;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** The filters of the companies list: each change calls back once, with the filter they make together. */
final class CompanyFilterBar extends Composite<ViewToolbar> {

    private final List<DispSummary> disps;
    private final List<DepartmentSummary> departments;
    private final List<NafSection> sections;
    private final List<StaffMember> referents;
    private final Runnable onChange;

    private final TextField search = new TextField();
    private final MultiSelectComboBox<PartnerKind> kinds = new MultiSelectComboBox<>();
    private final ComboBox<DispSummary> disp = new ComboBox<>();
    private final ComboBox<DepartmentSummary> department = new ComboBox<>();
    private final MultiSelectComboBox<PipelineStage> stages = new MultiSelectComboBox<>();
    private final Select<EngagementType> engagementType = new Select<>();
    private final ComboBox<NafSection> section = new ComboBox<>();
    private final ComboBox<StaffMember> owner = new ComboBox<>();
    private final Select<CompanyLabel> label = new Select<>();
    /** True while the fields are set from a filter, so that each field does not call back on its own. */
    private boolean showing;

    CompanyFilterBar(List<DispSummary> disps, List<DepartmentSummary> departments, List<NafSection> sections,
                     List<StaffMember> referents, Runnable onChange) {
        this.disps = disps;
        this.departments = departments;
        this.sections = sections;
        this.referents = referents;
        this.onChange = onChange;

        search.setLabel(getTranslation("companies.search"));
        search.setPlaceholder(getTranslation("companies.search.placeholder"));
        search.setHelperText(getTranslation("companies.search.help"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("company-search");

        kinds.setLabel(getTranslation("partner.field.kind"));
        kinds.setPlaceholder(getTranslation("filter.all"));
        kinds.setItems(PartnerKind.values());
        kinds.setItemLabelGenerator(kind -> getTranslation(kind.translationKey()));
        kinds.setClearButtonVisible(true);
        kinds.addClassName("kind-filter");

        disp.setLabel(getTranslation("companies.filter.disp"));
        disp.setPlaceholder(getTranslation("companies.filter.all-feminine"));
        disp.setItems(disps);
        disp.setItemLabelGenerator(DispSummary::code);
        disp.setClearButtonVisible(true);
        disp.addValueChangeListener(e -> narrowDepartmentsToDisp());

        department.setLabel(getTranslation("partner.field.department"));
        department.setPlaceholder(getTranslation("filter.all"));
        department.setItems(departments);
        department.setItemLabelGenerator(CompanyDisplay::department);
        department.setClearButtonVisible(true);

        stages.setLabel(getTranslation("partner.field.stage"));
        stages.setPlaceholder(getTranslation("companies.filter.all-feminine"));
        stages.setItems(PipelineStage.values());
        stages.setItemLabelGenerator(stage -> getTranslation(stage.translationKey()));
        stages.setClearButtonVisible(true);

        engagementType.setLabel(getTranslation("partner.field.engagement-type"));
        engagementType.setEmptySelectionAllowed(true);
        engagementType.setEmptySelectionCaption(getTranslation("filter.all"));
        engagementType.setItems(EngagementType.values());
        engagementType.setItemLabelGenerator(type -> type == null ? getTranslation("filter.all") : getTranslation(type.translationKey()));

        section.setLabel(getTranslation("companies.filter.section"));
        section.setPlaceholder(getTranslation("filter.all"));
        section.setItems(sections);
        section.setItemLabelGenerator(s -> CompanyDisplay.section(s.code(), s.label()));
        section.setClearButtonVisible(true);

        owner.setLabel(getTranslation("partner.field.owner"));
        owner.setPlaceholder(getTranslation("filter.all"));
        owner.setItems(referents);
        owner.setItemLabelGenerator(CompanyDisplay::referent);
        owner.setClearButtonVisible(true);

        label.setLabel(getTranslation("companies.filter.label"));
        label.setEmptySelectionAllowed(true);
        label.setEmptySelectionCaption(getTranslation("filter.all"));
        label.setItems(CompanyLabel.values());
        label.setItemLabelGenerator(l -> l == null ? getTranslation("filter.all") : getTranslation(l.translationKey()));

        search.addValueChangeListener(e -> changed());
        kinds.addValueChangeListener(e -> changed());
        disp.addValueChangeListener(e -> changed());
        department.addValueChangeListener(e -> changed());
        stages.addValueChangeListener(e -> changed());
        engagementType.addValueChangeListener(e -> changed());
        section.addValueChangeListener(e -> changed());
        owner.addValueChangeListener(e -> changed());
        label.addValueChangeListener(e -> changed());
    }

    @Override
    protected ViewToolbar initContent() {
        var toolbar = new ViewToolbar(search, kinds, disp, department, stages, engagementType, section, owner, label);
        toolbar.addClassName("company-filters");
        return toolbar;
    }

    /** The filter the fields make. */
    CompanyFilter value() {
        return new CompanyFilter(
                Optional.ofNullable(disp.getValue()).map(DispSummary::code).orElse(null),
                Optional.ofNullable(department.getValue()).map(DepartmentSummary::code).orElse(null),
                Set.copyOf(stages.getValue()),
                engagementType.getValue(),
                Optional.ofNullable(section.getValue()).map(NafSection::code).orElse(null),
                Optional.ofNullable(owner.getValue()).map(StaffMember::id).orElse(null),
                label.getValue(),
                search.getValue(),
                Set.copyOf(kinds.getValue()));
    }

    /** Sets the fields from a filter (a saved view, the session's), then calls back once. */
    void show(CompanyFilter filter) {
        showing = true;
        try {
            disp.setValue(find(disps, d -> d.code().equals(filter.dispCode())));
            department.setValue(find(departments, d -> d.code().equals(filter.departmentCode())));
            stages.setValue(filter.stages());
            engagementType.setValue(filter.engagementType());
            section.setValue(find(sections, s -> s.code().equals(filter.sectionCode())));
            owner.setValue(find(referents, r -> Objects.equals(r.id(), filter.ownerId())));
            label.setValue(filter.label());
            search.setValue(filter.search());
            kinds.setValue(filter.kinds());
        } finally {
            showing = false;
        }
        onChange.run();
    }

    /** Only the departments of the chosen DISP can be picked; a department of another DISP is dropped. */
    private void narrowDepartmentsToDisp() {
        DispSummary chosen = disp.getValue();
        DepartmentSummary current = department.getValue();
        boolean alreadyShowing = showing;
        showing = true;
        try {
            department.setItems(chosen == null ? departments
                    : departments.stream().filter(d -> d.dispCode().equals(chosen.code())).toList());
            if (current != null && (chosen == null || current.dispCode().equals(chosen.code()))) {
                department.setValue(current);
            }
        } finally {
            showing = alreadyShowing;
        }
    }

    private void changed() {
        if (!showing) {
            onChange.run();
        }
    }

    private static <T> @Nullable T find(List<T> items, Predicate<T> matches) {
        return items.stream().filter(matches).findFirst().orElse(null);
    }
}
