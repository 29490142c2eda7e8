package fr.passerelle.partner.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.CompanyMergeService;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.DuplicateCandidate;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.Postcodes;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.NafSubClass;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import fr.passerelle.security.StaffMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Creates a company or another organisation (its kind comes first: a company needs its SIRET, the others may
 * have none), or changes one ({@code existing}). Errors show next to the field at fault; likely
 * duplicates are shown before saving, and saving anyway takes a second, explicit click.
 */
final class CompanyFormDialog extends Dialog {

    private final CompanyService companies;
    private final CompanyMergeService merges;
    private final @Nullable CompanyDetails existing;
    private final Consumer<CompanyDetails> onSaved;
    private final List<DepartmentSummary> departments;

    private final Select<PartnerKind> kind = new Select<>();
    private final TextField siret = new TextField();
    private final TextField legalName = new TextField();
    private final TextField tradeName = new TextField();
    private final ComboBox<NafSubClass> naf = new ComboBox<>();
    private final Select<WorkforceBracket> workforce = new Select<>();
    private final TextField street = new TextField();
    private final TextField postcode = new TextField();
    private final TextField commune = new TextField();
    private final ComboBox<DepartmentSummary> department = new ComboBox<>();
    private final TextField website = new TextField();
    private final CheckboxGroup<CompanyLabel> labels = new CheckboxGroup<>();
    private final ComboBox<StaffMember> owner = new ComboBox<>();
    private final Binder<CompanyFormBean> binder = new Binder<>();
    private final CompanyFormBean bean = new CompanyFormBean();
    private final DuplicateWarning duplicates;
    private final Button save = new Button();
    /** The SIREN, name and department the duplicate warning was last shown for: saving them is then confirmed. */
    private @Nullable String warnedFor;

    /**
     * @param existing the company to change, or {@code null} to create one
     * @param onSaved  called with the company as saved, after the dialog has closed
     */
    CompanyFormDialog(CompanyService companies, CompanyMergeService merges, ReferenceService reference, StaffDirectory staff,
                      @Nullable CompanyDetails existing, Consumer<CompanyDetails> onSaved) {
        this(companies, merges, reference, staff, existing, PartnerKind.COMPANY, onSaved);
    }

    /** @param newKind the kind a new partner starts with (the organisations list proposes a federation) */
    CompanyFormDialog(CompanyService companies, CompanyMergeService merges, ReferenceService reference, StaffDirectory staff,
                      @Nullable CompanyDetails existing, PartnerKind newKind, Consumer<CompanyDetails> onSaved) {
        this.companies = companies;
        this.merges = merges;
        this.existing = existing;
        this.onSaved = onSaved;
        this.departments = reference.departments();
        this.duplicates = new DuplicateWarning(this::openCandidate, existing == null ? null : this::mergeWithCandidate);
        addClassName("company-form-dialog");
        setHeaderTitle(existing == null ? getTranslation(newKind == PartnerKind.COMPANY ? "companies.form.create.title"
                : "partner.organisations.create")
                : getTranslation("companies.form.edit.title", existing.legalName()));
        setWidth("min(52rem, 96vw)");

        configureFields(reference, staff.referents(), newKind);
        bind();
        // The warning sits under the SIRET and the name, where the person is looking when it appears.
        var form = new FormLayout(kind, siret, legalName, tradeName, duplicates, naf, workforce, street, postcode, commune, department,
                website, labels, owner);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(duplicates, 2);
        form.setColspan(street, 2);
        form.setColspan(labels, 2);
        if (existing != null && !existing.editable()) {
            var readOnly = new Div(getTranslation("companies.form.read-only", existing.dispCode()));
            readOnly.addClassName("form-access-message");
            readOnly.getElement().setAttribute("role", "alert");
            add(readOnly);
            binder.setReadOnly(true);
        }
        add(form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setVisible(existing == null || existing.editable());
        updateSaveText();
        getFooter().add(new Button(getTranslation(save.isVisible() ? "action.cancel" : "action.close"), e -> close()), save);
        kindChanged();
        siret.focus();
    }

    private void configureFields(ReferenceService reference, List<StaffMember> referents, PartnerKind newKind) {
        kind.setLabel(getTranslation("partner.field.kind"));
        kind.setItems(PartnerKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.translationKey()));
        bean.setKind(newKind);
        siret.setLabel(getTranslation("partner.field.siret"));
        siret.setMaxLength(24);
        legalName.setLabel(getTranslation("partner.field.legal-name"));
        legalName.setRequiredIndicatorVisible(true);
        tradeName.setLabel(getTranslation("partner.field.trade-name"));

        naf.setLabel(getTranslation("partner.field.naf"));
        naf.setPlaceholder(getTranslation("companies.form.naf.placeholder"));
        naf.setItems(query -> reference.searchNafSubClasses(query.getFilter().orElse(""), 50).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        naf.setItemLabelGenerator(CompanyDisplay::naf);
        naf.setClearButtonVisible(true);
        naf.addValueChangeListener(e -> naf.setHelperText(e.getValue() == null ? getTranslation("companies.form.naf.help")
                : getTranslation("companies.form.sector", CompanyDisplay.section(e.getValue().sectionCode(), e.getValue().sectionLabel()))));
        naf.setHelperText(getTranslation("companies.form.naf.help"));

        workforce.setLabel(getTranslation("partner.field.workforce"));
        workforce.setItems(WorkforceBracket.values());
        workforce.setEmptySelectionAllowed(true);
        workforce.setEmptySelectionCaption(getTranslation("companies.form.unknown"));
        workforce.setItemLabelGenerator(b -> b == null ? getTranslation("companies.form.unknown") : getTranslation(b.translationKey()));

        street.setLabel(getTranslation("partner.field.street"));
        postcode.setLabel(getTranslation("partner.field.postcode"));
        postcode.setMaxLength(5);
        commune.setLabel(getTranslation("partner.field.commune"));
        department.setLabel(getTranslation("partner.field.department"));
        department.setItems(departments);
        department.setItemLabelGenerator(CompanyDisplay::department);
        department.setRequiredIndicatorVisible(true);
        department.setHelperText(getTranslation("companies.form.department.help"));
        website.setLabel(getTranslation("partner.field.website"));
        website.setPlaceholder("www.exemple.fr");

        labels.setLabel(getTranslation("partner.field.labels"));
        labels.setItems(CompanyLabel.values());
        labels.setItemLabelGenerator(l -> getTranslation(l.translationKey()));

        owner.setLabel(getTranslation("partner.field.owner"));
        List<StaffMember> owners = new ArrayList<>(referents);
        if (existing != null && existing.ownerId() != null && owners.stream().noneMatch(o -> o.id() == existing.ownerId())) {
            owners.add(new StaffMember(existing.ownerId(), Objects.requireNonNullElse(existing.ownerName(), "#" + existing.ownerId()), null));
        }
        owner.setItems(owners);
        owner.setItemLabelGenerator(CompanyDisplay::referent);
        owner.setClearButtonVisible(true);
        owner.setHelperText(getTranslation("companies.form.owner.help"));

        if (existing != null) {
            bean.fill(existing, existing.nafCode() == null ? null : reference.nafSubClass(existing.nafCode()).orElse(null),
                    departments.stream().filter(d -> d.code().equals(existing.departmentCode())).findFirst().orElse(null),
                    owners.stream().filter(o -> Objects.equals(o.id(), existing.ownerId())).findFirst().orElse(null));
        }
    }

    private void bind() {
        binder.forField(kind).bind(CompanyFormBean::getKind, CompanyFormBean::setKind);
        binder.forField(siret).bind(CompanyFormBean::getSiret, CompanyFormBean::setSiret);
        binder.forField(legalName).bind(CompanyFormBean::getLegalName, CompanyFormBean::setLegalName);
        binder.forField(tradeName).bind(CompanyFormBean::getTradeName, CompanyFormBean::setTradeName);
        binder.forField(naf).bind(CompanyFormBean::getNaf, CompanyFormBean::setNaf);
        binder.forField(workforce).bind(CompanyFormBean::getWorkforceBracket, CompanyFormBean::setWorkforceBracket);
        binder.forField(street).bind(CompanyFormBean::getStreet, CompanyFormBean::setStreet);
        binder.forField(postcode).bind(CompanyFormBean::getPostcode, CompanyFormBean::setPostcode);
        binder.forField(commune).bind(CompanyFormBean::getCommune, CompanyFormBean::setCommune);
        binder.forField(department).bind(CompanyFormBean::getDepartment, CompanyFormBean::setDepartment);
        binder.forField(website).bind(CompanyFormBean::getWebsite, CompanyFormBean::setWebsite);
        binder.forField(labels).bind(CompanyFormBean::getLabels, CompanyFormBean::setLabels);
        binder.forField(owner).bind(CompanyFormBean::getOwner, CompanyFormBean::setOwner);
        binder.setBean(bean);
        // After the binding, so that these run after the binder has cleared the field's previous error.
        siret.addValueChangeListener(e -> {
            checkSiret();
            checkDuplicates(bean.toDraft());
        });
        kind.addValueChangeListener(e -> kindChanged());
        legalName.addValueChangeListener(e -> checkDuplicates(bean.toDraft()));
        department.addValueChangeListener(e -> checkDuplicates(bean.toDraft()));
        postcode.addValueChangeListener(e -> postcodeChanged());
    }

    /** A company needs its SIRET; another organisation may have none (decision record 015). */
    private void kindChanged() {
        boolean required = bean.getKind().requiresSiret();
        siret.setRequiredIndicatorVisible(required);
        siret.setHelperText(getTranslation(required ? "companies.form.siret.help" : "partner.kind.form.siret-optional"));
        if (!required && siret.getValue().isBlank()) {
            siret.setInvalid(false);
        }
    }

    /** As soon as the SIRET is typed (the field commits on blur): the same checks as saving, shown next to it. */
    private void checkSiret() {
        if (siret.getValue().isBlank()) {
            return;
        }
        try {
            companies.validate(bean.toDraft());
        } catch (PartnerException e) {
            if ("siret".equals(e.field())) {
                showError(siret, e);
            }
        }
    }

    /** A known postcode fills an empty department (the department can still be changed). */
    private void postcodeChanged() {
        String code = postcode.getValue().strip();
        if (!code.isEmpty() && !Postcodes.isValid(code)) {
            showError(postcode, new PartnerException("postcode", "partner.error.postcode-format"));
            return;
        }
        if (department.getValue() == null) {
            Postcodes.department(code).flatMap(d -> departments.stream().filter(s -> s.code().equals(d)).findFirst())
                    .ifPresent(department::setValue);
        }
    }

    /** Shows the likely duplicates of what is typed so far; returns whether there are any. */
    private boolean checkDuplicates(CompanyDraft draft) {
        String key = duplicateKey(draft);
        if (key.isBlank()) {
            duplicates.show(List.of());
            warnedFor = null;
            updateSaveText();
            return false;
        }
        List<DuplicateCandidate> found = companies.findDuplicates(draft.siret(), draft.legalName(), draft.departmentCode(),
                existing == null ? null : existing.id());
        duplicates.show(found);
        warnedFor = found.isEmpty() ? null : key;
        updateSaveText();
        return !found.isEmpty();
    }

    private static String duplicateKey(CompanyDraft draft) {
        String digits = draft.siret().replaceAll("\\D", "");
        String siren = digits.length() >= 9 ? digits.substring(0, 9) : "";
        String name = draft.legalName().strip();
        return siren.isEmpty() && (name.isEmpty() || draft.departmentCode() == null) ? ""
                : siren + "|" + name + "|" + Objects.requireNonNullElse(draft.departmentCode(), "");
    }

    private void save() {
        clearErrors();
        CompanyDraft draft;
        try {
            draft = companies.validate(bean.toDraft());
        } catch (PartnerException e) {
            handle(e);
            return;
        }
        if (!duplicateKey(draft).equals(warnedFor) && checkDuplicates(draft)) {
            // Shown now: the person reads it, then saves anyway with the same button, renamed.
            duplicates.scrollIntoView();
            return;
        }
        try {
            CompanyDetails saved = existing == null ? companies.create(draft, CompanySource.MANUAL)
                    : companies.update(existing.id(), existing.version(), draft);
            close();
            String message = existing != null ? "companies.form.saved"
                    : saved.kind() == PartnerKind.COMPANY ? "companies.form.created" : "partner.organisations.created";
            Notifications.success(getTranslation(message, saved.legalName()));
            onSaved.accept(saved);
        } catch (PartnerException e) {
            handle(e);
        } catch (AccessDeniedException e) {
            Notifications.error(getTranslation("companies.error.access"));
        }
    }

    private void handle(PartnerException e) {
        HasValidation field = fields().get(Objects.requireNonNullElse(e.field(), ""));
        if (field != null) {
            showError(field, e);
        } else {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void showError(HasValidation field, PartnerException e) {
        field.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
        field.setInvalid(true);
    }

    private void updateSaveText() {
        boolean warned = warnedFor != null && duplicates.isShown();
        save.setText(getTranslation(existing == null ? (warned ? "companies.form.create-anyway" : "companies.form.create")
                : (warned ? "companies.form.save-anyway" : "action.save")));
    }

    private Map<String, HasValidation> fields() {
        return Map.of("siret", siret, "legalName", legalName, "nafCode", naf, "postcode", postcode,
                "departmentCode", department, "website", website);
    }

    private void clearErrors() {
        fields().values().forEach(f -> f.setInvalid(false));
    }

    private void openCandidate(DuplicateCandidate candidate) {
        close();
        UI.getCurrent().navigate("entreprises/" + candidate.id());
    }

    private void mergeWithCandidate(DuplicateCandidate candidate) {
        if (existing == null) {
            return;
        }
        new MergeDialog(merges, existing.id(), candidate.id(), kept -> close()).open();
    }
}
