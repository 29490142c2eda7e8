package fr.passerelle.offer.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.DateInputs;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferDetails;
import fr.passerelle.offer.OfferException;
import fr.passerelle.offer.OfferService;
import fr.passerelle.offer.OfferType;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.EstablishmentFilter;
import fr.passerelle.reference.EstablishmentSummary;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.reference.RomeJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Creates an offer, or changes one ({@code existing}). Errors show next to the field at fault; closing with
 * unsaved changes asks first. The place is a department and commune, or target establishments (of the
 * referent's DISP) for workshop and subcontracting offers.
 */
final class OfferFormDialog extends Dialog {

    /** The services the form needs, passed together. */
    record Services(OfferService offers, CompanyService companies, ContactService contacts, ReferenceService reference,
                    CurrentUser currentUser) {
    }

    private final Services services;
    private final @Nullable OfferDetails existing;
    private final Consumer<OfferDetails> onSaved;

    final ComboBox<CompanyChoice> company;
    private final Select<OfferType> type = new Select<>();
    private final ComboBox<RomeJob> rome = new ComboBox<>();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final IntegerField positions = new IntegerField();
    private final Select<ContractType> contract = new Select<>();
    private final NumberField hours = new NumberField();
    private final ComboBox<DepartmentSummary> department = new ComboBox<>();
    private final TextField commune = new TextField();
    private final MultiSelectComboBox<EstablishmentSummary> establishments = new MultiSelectComboBox<>();
    private final DatePicker start;
    private final DatePicker end;
    private final ComboBox<ContactSummary> contact = new ComboBox<>();
    private final Binder<OfferFormBean> binder = new Binder<>();
    private final OfferFormBean bean = new OfferFormBean();
    private final Button save = new Button();

    /**
     * @param existing     the offer to change, or {@code null} to create one
     * @param companyId    the company of a new offer when it is known (from the company page), or null to pick it
     * @param onSaved      called with the offer as saved, after the dialog has closed
     */
    OfferFormDialog(Services services, @Nullable OfferDetails existing, @Nullable Long companyId, Consumer<OfferDetails> onSaved) {
        this.services = services;
        this.existing = existing;
        this.onSaved = onSaved;
        this.company = CompanyChoice.picker(services.companies(), getTranslation("offer.field.company"));
        this.start = DateInputs.datePicker(getTranslation("offer.field.start"));
        this.end = DateInputs.datePicker(getTranslation("offer.field.end"));
        addClassName("offer-form-dialog");
        setHeaderTitle(existing == null ? getTranslation("offer.form.create.title") : getTranslation("offer.form.edit.title", existing.title()));
        setWidth("min(52rem, 96vw)");
        setCloseOnOutsideClick(false);
        addDialogCloseActionListener(e -> cancel());

        configureFields();
        bind();
        Long fixedCompany = existing != null ? existing.companyId() : companyId;
        if (existing != null) {
            fill(existing);
        } else {
            bean.setStartDate(DisplayFormats.today());
            if (fixedCompany != null) {
                bean.setCompany(CompanyChoice.of(services.companies(), fixedCompany).orElse(null));
            }
        }
        binder.readBean(bean);
        company.setReadOnly(fixedCompany != null);
        companyChanged();
        typeChanged();

        var form = new FormLayout(company, type, rome, title, description, positions, contract, hours, department, commune,
                establishments, start, end, contact);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(company, 2);
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        form.setColspan(establishments, 2);
        boolean readOnly = existing != null && (!existing.editable() || existing.status().isFinal());
        if (readOnly) {
            var message = new Div(getTranslation(existing.editable() ? "offer.form.final" : "offer.form.read-only", existing.dispCode()));
            message.addClassName("form-access-message");
            message.getElement().setAttribute("role", "alert");
            add(message);
            binder.setReadOnly(true);
        }
        add(form);

        save.setText(getTranslation(existing == null ? "offer.form.create" : "action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setVisible(!readOnly);
        getFooter().add(new Button(getTranslation(readOnly ? "action.close" : "action.cancel"), e -> cancel()), save);
    }

    private void configureFields() {
        ReferenceService reference = services.reference();
        company.setRequiredIndicatorVisible(true);
        company.addValueChangeListener(e -> companyChanged());
        type.setLabel(getTranslation("offer.field.type"));
        type.setItems(OfferType.values());
        type.setItemLabelGenerator(t -> t == null ? "" : getTranslation(t.translationKey()));
        type.addValueChangeListener(e -> typeChanged());
        rome.setLabel(getTranslation("offer.field.rome"));
        rome.setPlaceholder(getTranslation("offer.form.rome.placeholder"));
        rome.setHelperText(getTranslation("offer.form.rome.help"));
        rome.setItems(query -> reference.searchRomeJobs(query.getFilter().orElse(""), 50).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        rome.setItemLabelGenerator(job -> job.code() + " – " + job.label());
        rome.setRequiredIndicatorVisible(true);
        title.setLabel(getTranslation("offer.field.title"));
        title.setRequiredIndicatorVisible(true);
        description.setLabel(getTranslation("offer.field.description"));
        positions.setLabel(getTranslation("offer.field.positions"));
        positions.setStepButtonsVisible(true);
        contract.setLabel(getTranslation("offer.field.contract"));
        contract.setItems(ContractType.values());
        contract.setItemLabelGenerator(c -> c == null ? "" : getTranslation(c.translationKey()));
        hours.setLabel(getTranslation("offer.field.hours"));
        department.setLabel(getTranslation("offer.field.department"));
        department.setItems(reference.departments());
        department.setItemLabelGenerator(d -> d.code() + " – " + d.name());
        commune.setLabel(getTranslation("offer.field.commune"));
        establishments.setLabel(getTranslation("offer.field.establishments"));
        var me = services.currentUser().require();
        String disp = me.role() == Role.REFERENT ? me.dispCode() : existing == null ? null : existing.dispCode();
        establishments.setItems(reference.establishments(EstablishmentFilter.ofDisp(disp), Pageable.unpaged()));
        establishments.setItemLabelGenerator(e -> e.name() + " (" + e.commune() + ")");
        establishments.setHelperText(getTranslation("offer.form.establishments.help"));
        contact.setLabel(getTranslation("offer.field.contact"));
        contact.setItemLabelGenerator(ContactSummary::fullName);
        contact.setClearButtonVisible(true);
    }

    private void bind() {
        binder.forField(company).bind(OfferFormBean::getCompany, OfferFormBean::setCompany);
        binder.forField(type).bind(OfferFormBean::getType, OfferFormBean::setType);
        binder.forField(rome).bind(OfferFormBean::getRome, OfferFormBean::setRome);
        binder.forField(title).bind(OfferFormBean::getTitle, OfferFormBean::setTitle);
        binder.forField(description).bind(OfferFormBean::getDescription, OfferFormBean::setDescription);
        binder.forField(positions).bind(OfferFormBean::getPositions, OfferFormBean::setPositions);
        binder.forField(contract).bind(OfferFormBean::getContractType, OfferFormBean::setContractType);
        binder.forField(hours).bind(OfferFormBean::getHoursPerWeek, OfferFormBean::setHoursPerWeek);
        binder.forField(department).bind(OfferFormBean::getDepartment, OfferFormBean::setDepartment);
        binder.forField(commune).bind(OfferFormBean::getCommune, OfferFormBean::setCommune);
        binder.forField(establishments).bind(OfferFormBean::getEstablishments, OfferFormBean::setEstablishments);
        binder.forField(start).bind(OfferFormBean::getStartDate, OfferFormBean::setStartDate);
        binder.forField(end).bind(OfferFormBean::getEndDate, OfferFormBean::setEndDate);
        binder.forField(contact).bind(OfferFormBean::getContact, OfferFormBean::setContact);
        // The service judges the values; left to themselves, the fields would turn red on their own rules.
        fields().values().forEach(field -> field.setManualValidation(true));
    }

    private void fill(OfferDetails offer) {
        // The list opens only offers with a company here; a declaration is validated in the moderation queue first.
        long companyId = java.util.Objects.requireNonNull(offer.companyId());
        bean.setCompany(new CompanyChoice(companyId, offer.companyName()));
        bean.setType(offer.type());
        bean.setRome(services.reference().romeJob(offer.romeCode()).orElse(null));
        bean.setTitle(offer.title());
        bean.setDescription(offer.description());
        bean.setPositions(offer.positions());
        bean.setContractType(offer.contractType());
        bean.setHoursPerWeek(offer.hoursPerWeek() == null ? null : offer.hoursPerWeek().doubleValue());
        bean.setDepartment(services.reference().departments().stream().filter(d -> d.code().equals(offer.departmentCode())).findFirst()
                .orElse(null));
        bean.setCommune(offer.commune());
        Set<Long> ids = offer.establishments().stream().map(OfferDetails.Establishment::id).collect(Collectors.toSet());
        bean.setEstablishments(establishments.getListDataView().getItems().filter(e -> ids.contains(e.id())).collect(Collectors.toSet()));
        bean.setStartDate(offer.startDate());
        bean.setEndDate(offer.endDate());
        bean.setContact(offer.contactId() == null ? null : services.contacts().ofCompany(companyId).stream()
                .filter(c -> c.id() == offer.contactId()).findFirst().orElse(null));
    }

    /** The contacts to pick from are the chosen company's. */
    private void companyChanged() {
        CompanyChoice chosen = company.getValue();
        ContactSummary current = contact.getValue();
        List<ContactSummary> options = chosen == null ? List.of() : services.contacts().ofCompany(chosen.id());
        contact.setItems(options);
        contact.setValue(current != null && options.contains(current) ? current : null);
    }

    /** Workshop and subcontracting offers happen in establishments; the others in a department. */
    private void typeChanged() {
        boolean inEstablishments = type.getValue() != null && type.getValue().inEstablishments();
        establishments.setVisible(inEstablishments);
        department.setVisible(!inEstablishments);
        commune.setVisible(!inEstablishments);
    }

    private void save() {
        clearErrors();
        if (!binder.writeBeanIfValid(bean)) {
            return;
        }
        try {
            OfferDetails saved = existing == null ? services.offers().create(bean.toDraft())
                    : services.offers().update(existing.id(), existing.version(), bean.toDraft());
            close();
            Notifications.success(getTranslation(existing == null ? "offer.form.created" : "offer.form.saved", saved.title()));
            onSaved.accept(saved);
        } catch (OfferException e) {
            HasValidation field = fields().get(Objects.requireNonNullElse(e.field(), ""));
            if (field != null) {
                field.setErrorMessage(OfferDisplay.message(this, e));
                field.setInvalid(true);
            } else {
                Notifications.error(OfferDisplay.message(this, e));
            }
        } catch (AccessDeniedException e) {
            Notifications.error(getTranslation("offer.error.not-allowed"));
        }
    }

    /** Closing: straight away when nothing was changed, otherwise after the person confirms. */
    private void cancel() {
        if (binder.hasChanges() && save.isVisible()) {
            Confirmation.ask(getTranslation("offer.form.discard.title"), getTranslation("offer.form.discard.text"),
                    getTranslation("offer.form.discard.confirm"), this::close);
        } else {
            close();
        }
    }

    /** The form fields by the names the service gives its errors. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("company", company);
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
        fields.put("contactId", contact);
        return fields;
    }

    private void clearErrors() {
        fields().values().forEach(field -> field.setInvalid(false));
    }
}
