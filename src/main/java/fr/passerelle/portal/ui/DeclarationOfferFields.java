package fr.passerelle.portal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Html;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

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
    final ComboBox<DepartmentSummary> department = new ComboBox<>();
    final TextField commune = new TextField();
    final MultiSelectComboBox<EstablishmentSummary> establishments = new MultiSelectComboBox<>();
    final DatePicker start;
    final DatePicker end;

    DeclarationOfferFields(ReferenceService reference) {
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
        department.setLabel(getTranslation("portal.declare.department"));
        // Fetched when the list opens (the departments are a small table) rather than held in every visitor's session.
        department.setItems(query -> {
            String typed = query.getFilter().orElse("").toLowerCase(Locale.ROOT);
            return reference.departments().stream()
                    .filter(d -> departmentLabel(d).toLowerCase(Locale.ROOT).contains(typed))
                    .skip(query.getOffset()).limit(query.getLimit());
        });
        department.setItemLabelGenerator(DeclarationOfferFields::departmentLabel);
        department.setRequiredIndicatorVisible(true);
        DeclarationFields.text(commune, getTranslation("portal.declare.offer-commune"), COMMUNE_MAX, false);
        establishments.setLabel(getTranslation("portal.declare.establishments"));
        establishments.setHelperText(getTranslation("portal.declare.establishments.help"));
        establishments.setItemsPageable((pageable, filter) -> reference.establishments(
                new EstablishmentFilter(null, null, null, filter == null ? "" : filter), pageable));
        establishments.setItemLabelGenerator(e -> e.name() + " (" + e.commune() + ")");
        establishments.setRequiredIndicatorVisible(true);
        start.setRequiredIndicatorVisible(true);
        start.setHelperText(getTranslation("portal.declare.date.help"));
        end.setHelperText(getTranslation("portal.declare.date.help"));
        // The service judges the values; left to themselves, the fields would turn red on their own rules.
        rome.setManualValidation(true);
        positions.setManualValidation(true);
        contract.setManualValidation(true);
        hours.setManualValidation(true);
        department.setManualValidation(true);
        establishments.setManualValidation(true);
        start.setManualValidation(true);
        end.setManualValidation(true);
        for (var field : new HasSize[] {type, rome, positions, contract, hours, department, establishments, start, end}) {
            field.setWidthFull();
        }
        getContent().add(type, rome, title, description, positions, contract, hours, department, commune, establishments, start, end);
        type.setValue(OfferType.POST_RELEASE_JOB);
    }

    private static String departmentLabel(DepartmentSummary department) {
        return department.code() + " – " + department.name();
    }

    /** The kind's name and its explanation: static HTML, one node rather than a component per piece of text. */
    private Html typeLabel(OfferType offerType) {
        var label = new Element("div").addClass("portal-declare-type");
        label.appendElement("span").addClass("portal-declare-type-name").text(getTranslation(offerType.translationKey()));
        label.appendElement("span").addClass("portal-declare-type-help")
                .text(getTranslation("portal.declare.type." + offerType.name() + ".help"));
        return DeclarationFields.html(label);
    }

    /** Workshop and subcontracting offers happen in establishments; the others in a department. */
    private void typeChanged() {
        boolean inEstablishments = type.getValue() != null && type.getValue().inEstablishments();
        establishments.setVisible(inEstablishments);
        department.setVisible(!inEstablishments);
        commune.setVisible(!inEstablishments);
    }

    /** The offer as typed; the place that does not apply to its kind is left out. */
    OfferDraft draft() {
        boolean inEstablishments = type.getValue() != null && type.getValue().inEstablishments();
        return new OfferDraft(0, type.getValue(), rome.getValue() == null ? null : rome.getValue().code(), title.getValue(),
                description.getValue(), positions.getValue(), contract.getValue(),
                hours.getValue() == null ? null : BigDecimal.valueOf(hours.getValue()),
                inEstablishments ? null : commune.getValue(),
                inEstablishments || department.getValue() == null ? null : department.getValue().code(),
                inEstablishments ? establishments.getValue().stream().map(EstablishmentSummary::id).collect(Collectors.toSet()) : Set.of(),
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
        fields.put("departmentCode", department);
        fields.put("commune", commune);
        fields.put("establishments", establishments);
        fields.put("startDate", start);
        fields.put("endDate", end);
        return fields;
    }
}
