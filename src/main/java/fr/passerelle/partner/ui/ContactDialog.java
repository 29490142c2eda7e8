package fr.passerelle.partner.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.ContactDraft;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.PartnerException;
import org.jspecify.annotations.Nullable;

/**
 * Adds a contact person to a company, or changes one. The phone may be typed in any usual French
 * way; errors show next to the field at fault.
 */
class ContactDialog extends Dialog {

    private final TextField firstName = new TextField();
    private final TextField lastName = new TextField();
    private final TextField jobTitle = new TextField();
    private final EmailField email = new EmailField();
    private final TextField phone = new TextField();
    private final Checkbox primary = new Checkbox();
    private final FieldErrors<PartnerException> errors = new FieldErrors<>(this, PartnerException.class, "company.error.not-allowed");

    ContactDialog(ContactService contacts, long companyId, @Nullable ContactSummary existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? getTranslation("company.contacts.add")
                : getTranslation("company.contacts.edit", existing.fullName()));
        setWidth("min(36rem, 95vw)");

        firstName.setLabel(getTranslation("partner.field.first-name"));
        lastName.setLabel(getTranslation("partner.field.last-name"));
        lastName.setRequiredIndicatorVisible(true);
        jobTitle.setLabel(getTranslation("partner.field.job-title"));
        email.setLabel(getTranslation("partner.field.email"));
        phone.setLabel(getTranslation("partner.field.phone"));
        phone.setHelperText(getTranslation("company.contacts.phone.help"));
        primary.setLabel(getTranslation("partner.field.primary"));
        // The status comes from campaigns (opt-outs, bounces): a form does not change it.
        EmailStatus status = existing == null ? EmailStatus.ACTIVE : existing.emailStatus();
        if (existing != null) {
            ContactDraft draft = existing.toDraft();
            firstName.setValue(orEmpty(draft.firstName()));
            lastName.setValue(draft.lastName());
            jobTitle.setValue(orEmpty(draft.jobTitle()));
            email.setValue(orEmpty(draft.email()));
            phone.setValue(orEmpty(draft.phone()));
            primary.setValue(draft.primary());
            // The primary contact changes by making another one primary.
            primary.setReadOnly(draft.primary());
        }
        errors.bind("lastName", lastName).bind("email", email).bind("phone", phone).bind("firstName", firstName)
                .bind("jobTitle", jobTitle);

        var form = new FormLayout(firstName, lastName, jobTitle, email, phone, primary);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(form);

        var save = new Button(getTranslation("action.save"), e -> {
            var draft = new ContactDraft(firstName.getValue(), lastName.getValue(), jobTitle.getValue(), email.getValue(),
                    phone.getValue(), primary.getValue(), status);
            if (errors.attempt(() -> {
                if (existing == null) {
                    contacts.add(companyId, draft);
                } else {
                    contacts.update(existing.id(), existing.version(), draft);
                }
            })) {
                close();
                Notifications.success(getTranslation("company.contacts.saved", draft.lastName().strip()));
                onSaved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        (existing == null ? firstName : lastName).focus();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
