package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.ui.component.DateInputs;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.cohort.CohortDetails;
import fr.passerelle.cohort.CohortDraft;
import fr.passerelle.cohort.CohortException;
import fr.passerelle.cohort.PartnerLink;
import fr.passerelle.cohort.PartnerRole;
import fr.passerelle.cohort.ProgrammeSummary;
import fr.passerelle.cohort.Sector;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.RomeJob;
import fr.passerelle.security.StaffMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * Creates a cohort or changes one: programme, trades, establishment (picked within the DISP chosen first; a
 * referent's own), partner organisations with their roles (companies of the CRM, searched as in the companies
 * list), dates, capacity and owner. The service's refusals show next to their fields.
 */
class CohortFormDialog extends Dialog {

    private final CohortForms forms;
    final TextField title = new TextField();
    final ComboBox<ProgrammeSummary> programme = new ComboBox<>();
    final Select<Sector> sector = new Select<>();
    final MultiSelectComboBox<RomeJob> trades = new MultiSelectComboBox<>();
    final ComboBox<DispSummary> disp = new ComboBox<>();
    final ComboBox<EstablishmentChoice> establishment;
    final DatePicker plannedStart;
    final DatePicker plannedEnd;
    final DatePicker actualStart;
    final DatePicker actualEnd;
    final IntegerField hours = new IntegerField();
    final IntegerField capacity = new IntegerField();
    final TextField certification = new TextField();
    final ComboBox<StaffMember> referent = new ComboBox<>();
    final ComboBox<PartnerChoice> partnerCompany = new ComboBox<>();
    final Select<PartnerRole> partnerRole = new Select<>();
    private final List<PartnerChoice> partners = new ArrayList<>();
    private final Div partnerList = new Div();
    private final List<StaffMember> owners;
    private final FieldErrors<CohortException> errors = new FieldErrors<>(this, CohortException.class, "cohort.error.not-allowed");

    /** A partner as the form lists it. */
    record PartnerChoice(long companyId, String name, @Nullable PartnerRole role) {
    }

    CohortFormDialog(CohortForms forms, @Nullable CohortDetails existing, Consumer<CohortDetails> onSaved) {
        this.forms = forms;
        SignedInUser user = forms.currentUser().require();
        setHeaderTitle(getTranslation(existing == null ? "cohort.dialog.create" : "cohort.dialog.edit"));
        setWidth("min(52rem, 95vw)");
        owners = forms.staff().assignable();
        List<DispSummary> disps = user.role() == Role.REFERENT
                ? forms.reference().disps().stream().filter(d -> d.code().equals(user.dispCode())).toList()
                : forms.reference().disps();
        establishment = EstablishmentChoice.picker(forms.reference(), getTranslation("cohort.field.establishment"),
                () -> disp.getValue() == null ? null : disp.getValue().code());
        plannedStart = DateInputs.datePicker(getTranslation("cohort.field.planned-start"));
        plannedEnd = DateInputs.datePicker(getTranslation("cohort.field.planned-end"));
        actualStart = DateInputs.datePicker(getTranslation("cohort.field.actual-start"));
        actualEnd = DateInputs.datePicker(getTranslation("cohort.field.actual-end"));
        configure(disps);

        String initialDisp = existing != null ? existing.dispCode() : user.dispCode();
        disp.setValue(disps.stream().filter(d -> d.code().equals(initialDisp)).findFirst()
                .orElse(disps.size() == 1 ? disps.getFirst() : null));
        if (existing != null) {
            show(existing);
        }
        errors.bind("title", title).bind("programmeId", programme).bind("sector", sector).bind("romeCodes", trades)
                .bind("establishmentId", establishment).bind("plannedStart", plannedStart).bind("plannedEnd", plannedEnd)
                .bind("actualStart", actualStart).bind("actualEnd", actualEnd).bind("hours", hours).bind("capacity", capacity)
                .bind("certification", certification).bind("referentId", referent).bind("partners", partnerCompany);

        var addPartner = new Button(getTranslation("cohort.partner.add"), VaadinIcon.PLUS.create(), e -> addPartner());
        var partnerRow = new HorizontalLayout(partnerCompany, partnerRole, addPartner);
        partnerRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        partnerRow.setWrap(true);
        var form = new FormLayout(title, programme, sector, trades, disp, establishment, plannedStart, plannedEnd, actualStart, actualEnd,
                hours, capacity, certification, referent, partnerRow, partnerList);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        for (var wide : List.of(title, trades, establishment, certification, partnerRow, partnerList)) {
            form.setColspan(wide, 2);
        }
        add(form);

        var save = new Button(getTranslation("action.save"), e -> {
            CohortDraft draft = draft();
            var saved = new AtomicReference<CohortDetails>();
            if (errors.attempt(() -> saved.set(existing == null ? forms.cohorts().create(draft)
                    : forms.cohorts().update(existing.id(), existing.version(), draft)))) {
                close();
                Notifications.success(getTranslation("cohort.saved", saved.get().title()));
                onSaved.accept(saved.get());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void configure(List<DispSummary> disps) {
        title.setLabel(getTranslation("cohort.field.title"));
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(120);
        programme.setLabel(getTranslation("cohort.field.programme"));
        programme.setItems(forms.programmes().all());
        programme.setItemLabelGenerator(ProgrammeSummary::title);
        programme.setPlaceholder(getTranslation("cohort.field.programme.none"));
        programme.setClearButtonVisible(true);
        sector.setLabel(getTranslation("cohort.field.sector"));
        sector.setItems(Sector.values());
        sector.setItemLabelGenerator(s -> s == null ? "" : getTranslation(s.translationKey()));
        sector.setRequiredIndicatorVisible(true);
        trades.setLabel(getTranslation("cohort.field.trades"));
        trades.setHelperText(getTranslation("cohort.field.trades.help"));
        trades.setRequiredIndicatorVisible(true);
        trades.setItems(query -> forms.reference().searchRomeJobs(query.getFilter().orElse(""), 50).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        trades.setItemLabelGenerator(job -> job.code() + " – " + job.label());
        disp.setLabel(getTranslation("cohort.field.disp"));
        disp.setItems(disps);
        disp.setItemLabelGenerator(DispSummary::code);
        disp.setReadOnly(disps.size() == 1);
        disp.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getOldValue() != null) {
                establishment.clear();
                referent.clear();
            }
            establishment.getDataProvider().refreshAll();
            referent.setItems(ownersOf(e.getValue()));
        });
        establishment.setRequiredIndicatorVisible(true);
        hours.setLabel(getTranslation("cohort.field.hours"));
        hours.setMin(1);
        hours.setMax(5000);
        capacity.setLabel(getTranslation("cohort.field.capacity"));
        capacity.setRequiredIndicatorVisible(true);
        capacity.setMin(1);
        capacity.setMax(100);
        programme.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue().candidatesPerPromotion() != null && capacity.isEmpty()) {
                capacity.setValue(e.getValue().candidatesPerPromotion());
            }
        });
        certification.setLabel(getTranslation("cohort.field.certification"));
        certification.setMaxLength(200);
        referent.setLabel(getTranslation("cohort.field.referent"));
        referent.setHelperText(getTranslation("cohort.field.referent.help"));
        referent.setItemLabelGenerator(StaffMember::displayName);
        referent.setClearButtonVisible(true);
        partnerCompany.setLabel(getTranslation("cohort.field.partner"));
        partnerCompany.setHelperText(getTranslation("cohort.field.partner.help"));
        partnerCompany.setItems(query -> forms.companies().search(CompanyFilter.none().withSearch(query.getFilter().orElse("")),
                        PageRequest.of(query.getPage(), query.getPageSize()))
                .stream().map(c -> new PartnerChoice(c.id(), c.displayName(), null)));
        partnerCompany.setItemLabelGenerator(PartnerChoice::name);
        partnerCompany.setClearButtonVisible(true);
        partnerRole.setLabel(getTranslation("cohort.field.partner-role"));
        partnerRole.setItems(PartnerRole.values());
        partnerRole.setItemLabelGenerator(r -> r == null ? "" : getTranslation(r.translationKey()));
        partnerRole.setValue(PartnerRole.FEDERATION);
        partnerList.addClassName("cohort-partner-list");
    }

    private void show(CohortDetails cohort) {
        title.setValue(cohort.title());
        programme.getListDataView().getItems().filter(p -> Objects.equals(p.id(), cohort.programmeId())).findFirst()
                .ifPresent(programme::setValue);
        sector.setValue(cohort.sector());
        trades.setValue(cohort.trades().stream().map(t -> forms.reference().romeJob(t.code()).orElse(null)).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        establishment.setValue(new EstablishmentChoice(cohort.establishmentId(), cohort.establishmentName(), cohort.dispCode()));
        plannedStart.setValue(cohort.plannedStart());
        plannedEnd.setValue(cohort.plannedEnd());
        actualStart.setValue(cohort.actualStart());
        actualEnd.setValue(cohort.actualEnd());
        hours.setValue(cohort.hours());
        capacity.setValue(cohort.capacity());
        certification.setValue(Objects.requireNonNullElse(cohort.certification(), ""));
        owners.stream().filter(o -> o.id() == cohort.referentId()).findFirst().ifPresent(referent::setValue);
        cohort.partners().forEach(p -> partners.add(new PartnerChoice(p.companyId(), p.companyName(), p.role())));
        showPartners();
    }

    private void addPartner() {
        PartnerChoice company = partnerCompany.getValue();
        if (company == null || partnerRole.getValue() == null) {
            partnerCompany.setErrorMessage(getTranslation("cohort.error.partner-pick"));
            partnerCompany.setInvalid(true);
            return;
        }
        var added = new PartnerChoice(company.companyId(), company.name(), partnerRole.getValue());
        if (!partners.contains(added)) {
            partners.add(added);
        }
        partnerCompany.clear();
        partnerCompany.setInvalid(false);
        showPartners();
    }

    private void showPartners() {
        partnerList.removeAll();
        for (PartnerChoice partner : partners) {
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                partners.remove(partner);
                showPartners();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel(getTranslation("cohort.partner.remove", partner.name()));
            var line = new Div(new Span(partner.name() + " — " + getTranslation(Objects.requireNonNull(partner.role()).translationKey())),
                    remove);
            line.addClassName("cohort-partner");
            partnerList.add(line);
        }
    }

    private List<StaffMember> ownersOf(@Nullable DispSummary chosen) {
        return chosen == null ? List.of()
                : owners.stream().filter(o -> o.dispCode() == null || chosen.code().equals(o.dispCode())).toList();
    }

    CohortDraft draft() {
        EstablishmentChoice place = establishment.getValue();
        StaffMember owner = referent.getValue();
        ProgrammeSummary chosen = programme.getValue();
        return new CohortDraft(chosen == null ? null : chosen.id(), title.getValue(), sector.getValue(),
                trades.getValue().stream().map(RomeJob::code).collect(Collectors.toSet()), place == null ? null : place.id(),
                partners.stream().map(p -> new PartnerLink(p.companyId(), Objects.requireNonNull(p.role()))).toList(),
                plannedStart.getValue(), plannedEnd.getValue(), actualStart.getValue(), actualEnd.getValue(), hours.getValue(),
                certification.getValue(), capacity.getValue(), owner == null ? null : owner.id());
    }
}
