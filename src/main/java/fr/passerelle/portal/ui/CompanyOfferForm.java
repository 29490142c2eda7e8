package fr.passerelle.portal.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.ui.component.DateInputs;
import fr.passerelle.offer.CompanyOffer;
import fr.passerelle.offer.CompanyOfferDraft;
import fr.passerelle.offer.CompanyOfferService;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferException;
import fr.passerelle.offer.OfferType;
import fr.passerelle.portal.PortalInput;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.EstablishmentFilter;
import fr.passerelle.reference.EstablishmentSummary;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.reference.RomeJob;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;

/**
 * Another offer from the company's space, in a short form: the offer's fields only (the company and its contact are
 * the signed-in user's). Sent, it waits for a referent's validation; a refusal shows next to its field.
 */
final class CompanyOfferForm extends Div {

    private static final int TITLE_MAX_LENGTH = 120;

    private final CompanyOfferService offers;
    private final Consumer<CompanyOffer> onAdded;
    private final Select<OfferType> type = new Select<>();
    private final ComboBox<RomeJob> rome = new ComboBox<>();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final IntegerField positions = new IntegerField();
    private final ComboBox<ContractType> contract = new ComboBox<>();
    private final NumberField hours = new NumberField();
    private final ComboBox<DepartmentSummary> department = new ComboBox<>();
    private final TextField commune = new TextField();
    private final MultiSelectComboBox<EstablishmentSummary> establishments = new MultiSelectComboBox<>();
    private final DatePicker start;
    private final DatePicker end;
    private final Paragraph refused = new Paragraph();

    CompanyOfferForm(CompanyOfferService offers, ReferenceService reference, Consumer<CompanyOffer> onAdded, Runnable onCancel) {
        this.offers = offers;
        this.onAdded = onAdded;
        this.start = DateInputs.datePicker(getTranslation("offer.field.start"));
        this.end = DateInputs.datePicker(getTranslation("offer.field.end"));
        addClassName("portal-form");

        type.setLabel(getTranslation("offer.field.type"));
        type.setItems(OfferType.values());
        type.setItemLabelGenerator(t -> t == null ? "" : getTranslation(t.translationKey()));
        type.addValueChangeListener(e -> typeChanged());
        rome.setLabel(getTranslation("offer.field.rome"));
        rome.setHelperText(getTranslation("portal.space.offers.form.rome-help"));
        rome.setItems(query -> reference.searchRomeJobs(query.getFilter().orElse(""), 50).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        rome.setItemLabelGenerator(job -> job.code() + " – " + job.label());
        title.setLabel(getTranslation("offer.field.title"));
        title.setMaxLength(TITLE_MAX_LENGTH);
        description.setLabel(getTranslation("offer.field.description"));
        description.setMaxLength(PortalInput.TEXT_MAX_LENGTH);
        positions.setLabel(getTranslation("portal.space.offers.positions-field"));
        positions.setHelperText(getTranslation("portal.space.offers.positions-help"));
        positions.setMin(1);
        positions.setMax(999);
        positions.setStepButtonsVisible(true);
        positions.setValue(1);
        contract.setLabel(getTranslation("offer.field.contract"));
        contract.setItems(ContractType.values());
        contract.setItemLabelGenerator(c -> c == null ? "" : getTranslation(c.translationKey()));
        hours.setLabel(getTranslation("offer.field.hours"));
        hours.setHelperText(getTranslation("portal.space.offers.form.hours-help"));
        department.setLabel(getTranslation("offer.field.department"));
        department.setItems(reference.departments());
        department.setItemLabelGenerator(d -> d.code() + " – " + d.name());
        commune.setLabel(getTranslation("offer.field.commune"));
        commune.setMaxLength(PortalInput.NAME_MAX_LENGTH);
        establishments.setLabel(getTranslation("offer.field.establishments"));
        establishments.setItems(reference.establishments(EstablishmentFilter.none(), Pageable.unpaged()));
        establishments.setItemLabelGenerator(e -> e.name() + " (" + e.commune() + ")");
        establishments.setHelperText(getTranslation("portal.space.offers.form.establishments-help"));
        start.setValue(DisplayFormats.today());
        for (HasValue<?, ?> required : new HasValue<?, ?>[] {type, rome, title, positions, contract, department, establishments, start}) {
            required.setRequiredIndicatorVisible(true);
        }
        fields().values().forEach(field -> {
            field.setManualValidation(true);
            ((HasSize) field).setWidthFull();
        });
        refused.addClassName("portal-message-error");
        refused.getElement().setAttribute("role", "alert");

        var send = new Button(getTranslation("portal.space.offers.form.send"), click -> send());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("portal.space.offers.form.cancel"), click -> onCancel.run());
        var buttons = new Div(send, cancel);
        buttons.addClassName("portal-actions");
        add(new H3(getTranslation("portal.space.offers.form.title")), new Paragraph(getTranslation("portal.space.offers.form.intro")),
                type, rome, title, description, positions, contract, hours, department, commune, establishments, start, end,
                refused, buttons);
        typeChanged();
    }

    /** Workshop and subcontracting offers happen in establishments; the others in a department. */
    private void typeChanged() {
        boolean inEstablishments = type.getValue() != null && type.getValue().inEstablishments();
        establishments.setVisible(inEstablishments);
        department.setVisible(!inEstablishments);
        commune.setVisible(!inEstablishments);
    }

    private void send() {
        fields().values().forEach(field -> field.setInvalid(false));
        refused.setText("");
        RomeJob job = rome.getValue();
        Double typedHours = hours.getValue();
        DepartmentSummary place = department.getValue();
        var draft = new CompanyOfferDraft(type.getValue(), job == null ? null : job.code(), title.getValue(), description.getValue(),
                positions.getValue(), contract.getValue(), typedHours == null ? null : BigDecimal.valueOf(typedHours),
                commune.getValue(), place == null ? null : place.code(),
                establishments.getValue().stream().map(EstablishmentSummary::id).collect(Collectors.toSet()), start.getValue(),
                end.getValue());
        try {
            onAdded.accept(offers.add(draft));
        } catch (OfferException e) {
            HasValidation field = fields().get(Objects.requireNonNullElse(e.field(), ""));
            String message = e.message(this::getTranslation);
            if (field == null) {
                refused.setText(message);
            } else {
                field.setErrorMessage(message);
                field.setInvalid(true);
                ((Focusable<?>) field).focus();
            }
        }
    }

    /** The fields by the name the offer service gives a refusal. */
    private Map<String, HasValidation> fields() {
        return Map.ofEntries(Map.entry("type", type), Map.entry("romeCode", rome), Map.entry("title", title),
                Map.entry("description", description), Map.entry("positions", positions), Map.entry("contractType", contract),
                Map.entry("hoursPerWeek", hours), Map.entry("departmentCode", department), Map.entry("commune", commune),
                Map.entry("establishments", establishments), Map.entry("startDate", start), Map.entry("endDate", end));
    }
}
