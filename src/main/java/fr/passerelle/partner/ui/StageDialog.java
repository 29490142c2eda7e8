package fr.passerelle.partner.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PipelineStage;
import java.util.function.Consumer;

/** Moves a company along the pipeline; declining asks why. */
class StageDialog extends Dialog {

    private final Select<PipelineStage> stage = new Select<>();
    private final TextArea reason = new TextArea();
    private final FieldErrors<PartnerException> errors = new FieldErrors<>(this, PartnerException.class, "company.error.not-allowed");

    StageDialog(CompanyService companies, CompanyDetails company, Consumer<CompanyDetails> onMoved) {
        setHeaderTitle(getTranslation("company.stage.title", company.displayName()));
        setWidth("min(30rem, 95vw)");

        stage.setLabel(getTranslation("partner.field.stage"));
        stage.setItems(PipelineStage.values());
        stage.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        stage.setValue(company.stage());
        reason.setLabel(getTranslation("partner.field.declined-reason"));
        reason.setHelperText(getTranslation("company.stage.reason.help"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(1000);
        reason.setValue(company.declinedReason() == null ? "" : company.declinedReason());
        reason.setVisible(company.stage() == PipelineStage.DECLINED);
        stage.addValueChangeListener(e -> reason.setVisible(e.getValue() == PipelineStage.DECLINED));
        errors.bind("reason", reason);

        var form = new FormLayout(stage, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        var save = new Button(getTranslation("action.save"), e -> {
            PipelineStage target = stage.getValue();
            if (errors.attempt(() -> onMoved.accept(companies.moveStage(company.id(), target,
                    target == PipelineStage.DECLINED ? reason.getValue() : null)))) {
                close();
                Notifications.success(getTranslation("company.stage.moved", getTranslation(target.translationKey())));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        stage.focus();
    }
}
