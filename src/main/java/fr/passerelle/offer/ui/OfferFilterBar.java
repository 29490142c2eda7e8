package fr.passerelle.offer.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.offer.OfferFilter;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.OfferType;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.RomeFamily;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** The filters of the offers list: each change calls back once, with the filter they make together. */
final class OfferFilterBar extends Composite<ViewToolbar> {

    private final List<DispSummary> disps;
    private final List<DepartmentSummary> departments;
    private final List<RomeFamily> families;
    private final CompanyService companies;
    private final Runnable onChange;

    final TextField search = new TextField();
    final ComboBox<DispSummary> disp = new ComboBox<>();
    final MultiSelectComboBox<OfferStatus> statuses = new MultiSelectComboBox<>();
    final Select<OfferType> type = new Select<>();
    final ComboBox<RomeFamily> family = new ComboBox<>();
    final ComboBox<DepartmentSummary> department = new ComboBox<>();
    final ComboBox<CompanyChoice> company;
    /** True while the fields are set from a filter, so that each field does not call back on its own. */
    private boolean showing;

    OfferFilterBar(List<DispSummary> disps, List<DepartmentSummary> departments, List<RomeFamily> families,
                   CompanyService companies, Runnable onChange) {
        this.disps = disps;
        this.departments = departments;
        this.families = families;
        this.companies = companies;
        this.onChange = onChange;
        this.company = CompanyChoice.picker(companies, getTranslation("offer.field.company"));

        search.setLabel(getTranslation("offer.list.search"));
        search.setPlaceholder(getTranslation("offer.list.search.placeholder"));
        search.setHelperText(getTranslation("offer.list.search.help"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);

        disp.setLabel(getTranslation("offer.field.disp"));
        disp.setPlaceholder(getTranslation("offer.list.filter.all-feminine"));
        disp.setItems(disps);
        disp.setItemLabelGenerator(DispSummary::code);
        disp.setClearButtonVisible(true);

        statuses.setLabel(getTranslation("offer.field.status"));
        statuses.setPlaceholder(getTranslation("filter.all"));
        statuses.setItems(OfferStatus.values());
        statuses.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        statuses.setClearButtonVisible(true);

        type.setLabel(getTranslation("offer.field.type"));
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("filter.all"));
        type.setItems(OfferType.values());
        type.setItemLabelGenerator(t -> t == null ? getTranslation("filter.all") : getTranslation(t.translationKey()));

        family.setLabel(getTranslation("offer.list.filter.family"));
        family.setPlaceholder(getTranslation("offer.list.filter.all-feminine"));
        family.setItems(families);
        family.setItemLabelGenerator(f -> f.code() + " – " + f.label());
        family.setClearButtonVisible(true);

        department.setLabel(getTranslation("offer.field.department"));
        department.setPlaceholder(getTranslation("filter.all"));
        department.setItems(departments);
        department.setItemLabelGenerator(d -> d.code() + " – " + d.name());
        department.setClearButtonVisible(true);

        company.setPlaceholder(getTranslation("offer.list.filter.all-feminine"));

        search.addValueChangeListener(e -> changed());
        disp.addValueChangeListener(e -> changed());
        statuses.addValueChangeListener(e -> changed());
        type.addValueChangeListener(e -> changed());
        family.addValueChangeListener(e -> changed());
        department.addValueChangeListener(e -> changed());
        company.addValueChangeListener(e -> changed());
    }

    @Override
    protected ViewToolbar initContent() {
        var toolbar = new ViewToolbar(search, disp, statuses, type, family, department, company);
        toolbar.addClassName("offer-filters");
        return toolbar;
    }

    /** The filter the fields make. */
    OfferFilter value() {
        return new OfferFilter(
                Optional.ofNullable(disp.getValue()).map(DispSummary::code).orElse(null),
                Set.copyOf(statuses.getValue()),
                type.getValue(),
                Optional.ofNullable(family.getValue()).map(RomeFamily::code).orElse(null),
                Optional.ofNullable(department.getValue()).map(DepartmentSummary::code).orElse(null),
                Optional.ofNullable(company.getValue()).map(CompanyChoice::id).orElse(null),
                search.getValue());
    }

    /** Sets the fields from a filter (the session's), then calls back once. */
    void show(OfferFilter filter) {
        showing = true;
        try {
            disp.setValue(find(disps, d -> d.code().equals(filter.dispCode())));
            statuses.setValue(filter.statuses());
            type.setValue(filter.type());
            family.setValue(find(families, f -> f.code().equals(filter.romeFamily())));
            department.setValue(find(departments, d -> d.code().equals(filter.departmentCode())));
            company.setValue(filter.companyId() == null ? null : CompanyChoice.of(companies, filter.companyId()).orElse(null));
            search.setValue(filter.search());
        } finally {
            showing = false;
        }
        onChange.run();
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
