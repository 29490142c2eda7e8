package fr.passerelle.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import fr.passerelle.base.ui.component.DateInputs;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferDraft;
import fr.passerelle.offer.OfferType;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.EstablishmentFilter;
import fr.passerelle.reference.EstablishmentSummary;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.reference.RomeJob;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Section 3 of the declaration: the offer. The four kinds are explained in plain words; the place is a department and
 * commune for jobs at release and apprenticeships, target establishments (searched by name or town) for workshop and
 * subcontracting offers. Trades and establishments are fetched page by page as the visitor types, so that a session
 * holds none of the lists.
 */
final class DeclarationOfferFields extends Composite<FieldSet> {

    static final int TITLE_MAX = 120;
    static final int DESCRIPTION_MAX = 4000;
    static final int COMMUNE_MAX = 100;

    final RadioButtonGroup<OfferType> type = new RadioButtonGroup<>();
    final ComboBox<RomeJob> rome = new ComboBox<>();
    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final IntegerField positions = new IntegerField();
    final ComboBox<ContractType> contract = new ComboBox<>();
    final NumberField hours = new NumberField();
    final DatePicker start;
    final DatePicker end;
    private final ReferenceService reference;
    /*
     * The place: a department and commune, or target establishments, depending on the kind. Only the fields of the
     * chosen kind exist (three heavy fields of which one or two would be hidden, in every visitor's session); what was
     * typed in the others is kept as plain values and comes back if the visitor switches back.
     */
    private @Nullable ComboBox<DepartmentSummary> department;
    private @Nullable TextField commune;
    private @Nullable MultiSelectComboBox<EstablishmentSummary> establishments;
    private @Nullable DepartmentSummary keptDepartment;
    private String keptCommune = "";
    private Set<EstablishmentSummary> keptEstablishments = Set.of();

    DeclarationOfferFields(ReferenceService reference) {
        this.reference = reference;
        getContent().add(DeclarationFields.html("legend", getTranslation("portal.declare.section.offer")));
        start = DateInputs.datePicker(getTranslation("portal.declare.start"));
        end = DateInputs.datePicker(getTranslation("portal.declare.end"));

        type.setLabel(getTranslation("portal.declare.type"));
        type.setItems(OfferType.values());
        type.setRenderer(new ComponentRenderer<>(this::typeLabel));
        type.setRequiredIndicatorVisible(true);
        type.setManualValidation(true);
        type.addValueChangeListener(e -> typeChanged());

        rome.setLabel(getTranslation("portal.declare.rome"));
        rome.setHelperText(getTranslation("portal.declare.rome.help"));
        rome.setItems(query -> reference.searchRomeJobs(query.getFilter().orElse(""), 50).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        rome.setItemLabelGenerator(job -> job.code() + " – " + job.label());
        rome.setRequiredIndicatorVisible(true);
        DeclarationFields.text(title, getTranslation("portal.declare.offer-title"), TITLE_MAX, true);
        title.setHelperText(getTranslation("portal.declare.offer-title.help"));
        DeclarationFields.text(description, getTranslation("portal.declare.description"), DESCRIPTION_MAX, false);
        description.setHelperText(getTranslation("portal.declare.description.help"));
        positions.setLabel(getTranslation("portal.declare.positions"));
        positions.setMin(1);
        positions.setMax(999);
        positions.setValue(1);
        positions.setStepButtonsVisible(true);
        positions.setRequiredIndicatorVisible(true);
        contract.setLabel(getTranslation("portal.declare.contract"));
        contract.setItems(ContractType.values());
        contract.setItemLabelGenerator(c -> c == null ? "" : getTranslation(c.translationKey()));
        contract.setRequiredIndicatorVisible(true);
        hours.setLabel(getTranslation("portal.declare.hours"));
        hours.setHelperText(getTranslation("portal.declare.hours.help"));
        hours.setMin(0.5);
        hours.setMax(48);
        hours.setStep(0.5);
        start.setRequiredIndicatorVisible(true);
        start.setHelperText(getTranslation("portal.declare.date.help"));
        end.setHelperText(getTranslation("portal.declare.date.help"));
        // The service judges the values; left to themselves, the fields would turn red on their own rules.
        rome.setManualValidation(true);
        positions.setManualValidation(true);
        contract.setManualValidation(true);
        hours.setManualValidation(true);
        start.setManualValidation(true);
        end.setManualValidation(true);
        getContent().add(type, rome, title, description, positions, contract, hours, start, end);
        type.setValue(OfferType.POST_RELEASE_JOB);
    }

    private static String departmentLabel(DepartmentSummary department) {
        return department.code() + " – " + department.name();
    }

    /** The kind's name and its explanation: static HTML, one node rather than a component per piece of text. */
    private Component typeLabel(OfferType offerType) {
        var label = new Element("div").addClass("portal-declare-type");
        label.appendElement("span").addClass("portal-declare-type-name").text(getTranslation(offerType.translationKey()));
        label.appendElement("span").addClass("portal-declare-type-help")
                .text(getTranslation("portal.declare.type." + offerType.name() + ".help"));
        return DeclarationFields.html(label);
    }

    /** Workshop and subcontracting offers happen in establishments; the others in a department. */
    private void typeChanged() {
        if (inEstablishments()) {
            if (establishments == null) {
                if (department != null && commune != null) {
                    keptDepartment = department.getValue();
                    keptCommune = commune.getValue();
                    getContent().remove(department, commune);
                }
                department = null;
                commune = null;
                establishments = establishmentsField();
                beforeDates(establishments);
            }
        } else if (department == null) {
            if (establishments != null) {
                keptEstablishments = Set.copyOf(establishments.getValue());
                getContent().remove(establishments);
            }
            establishments = null;
            department = departmentField();
            commune = new TextField();
            DeclarationFields.text(commune, getTranslation("portal.declare.offer-commune"), COMMUNE_MAX, false);
            commune.setValue(keptCommune);
            beforeDates(department);
            beforeDates(commune);
        }
    }

    private void beforeDates(Component field) {
        getContent().getElement().insertChild(getContent().getElement().indexOfChild(start.getElement()), field.getElement());
    }

    private ComboBox<DepartmentSummary> departmentField() {
        var field = new ComboBox<DepartmentSummary>(getTranslation("portal.declare.department"));
        // Fetched when the list opens (the departments are a small table) rather than held in every visitor's session.
        field.setItems(query -> {
            String typed = query.getFilter().orElse("").toLowerCase(Locale.ROOT);
            return reference.departments().stream()
                    .filter(d -> departmentLabel(d).toLowerCase(Locale.ROOT).contains(typed))
                    .skip(query.getOffset()).limit(query.getLimit());
        });
        field.setItemLabelGenerator(DeclarationOfferFields::departmentLabel);
        field.setRequiredIndicatorVisible(true);
        field.setManualValidation(true);
        field.setValue(keptDepartment);
        return field;
    }

    private MultiSelectComboBox<EstablishmentSummary> establishmentsField() {
        var field = new MultiSelectComboBox<EstablishmentSummary>(getTranslation("portal.declare.establishments"));
        field.setHelperText(getTranslation("portal.declare.establishments.help"));
        field.setItemsPageable((pageable, filter) -> reference.establishments(
                new EstablishmentFilter(null, null, null, filter == null ? "" : filter), pageable));
        field.setItemLabelGenerator(e -> e.name() + " (" + e.commune() + ")");
        field.setRequiredIndicatorVisible(true);
        field.setManualValidation(true);
        field.setValue(keptEstablishments);
        return field;
    }

    private boolean inEstablishments() {
        return type.getValue() != null && type.getValue().inEstablishments();
    }

    /** The department field, there while the chosen kind happens in a department. */
    ComboBox<DepartmentSummary> department() {
        return Objects.requireNonNull(department, "the chosen kind of offer happens in establishments");
    }

    TextField commune() {
        return Objects.requireNonNull(commune, "the chosen kind of offer happens in establishments");
    }

    /** The establishments field, there while the chosen kind happens in establishments. */
    MultiSelectComboBox<EstablishmentSummary> establishments() {
        return Objects.requireNonNull(establishments, "the chosen kind of offer happens in a department");
    }

    /** The offer as typed; the place that does not apply to its kind is not there, so left out. */
    OfferDraft draft() {
        return new OfferDraft(0, type.getValue(), rome.getValue() == null ? null : rome.getValue().code(), title.getValue(),
                description.getValue(), positions.getValue(), contract.getValue(),
                hours.getValue() == null ? null : BigDecimal.valueOf(hours.getValue()),
                commune == null ? null : commune.getValue(),
                department == null || department.getValue() == null ? null : department.getValue().code(),
                establishments == null ? Set.of() : establishments.getValue().stream().map(EstablishmentSummary::id).collect(Collectors.toSet()),
                start.getValue(), end.getValue(), null);
    }

    /** The fields by the names the offer module gives its problems. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("romeCode", rome);
        fields.put("title", title);
        fields.put("description", description);
        fields.put("positions", positions);
        fields.put("contractType", contract);
        fields.put("hoursPerWeek", hours);
        if (department != null && commune != null) {
            fields.put("departmentCode", department);
            fields.put("commune", commune);
        }
        if (establishments != null) {
            fields.put("establishments", establishments);
        }
        fields.put("startDate", start);
        fields.put("endDate", end);
        return fields;
    }
}
