package fr.passerelle.portal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.value.ValueChangeMode;
import fr.passerelle.partner.PhoneNumbers;
import fr.passerelle.partner.Siret;
import fr.passerelle.portal.PortalException;
import fr.passerelle.portal.PortalInput;
import fr.passerelle.portal.internal.WorkshopInterestRequests;
import fr.passerelle.workshop.InterestDraft;
import fr.passerelle.workshop.WorkshopException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The "Je suis intéressé" form of one space: who the company is, who to answer, a message. Every field is capped in
 * length; the required ones, the e-mail address, the SIRET (as it is typed) and the phone are checked here first, so
 * that every mistake shows next to its field at once and a mistyped form uses none of the visitor's allowance; the
 * workshop module checks everything again and its refusal is shown next to the field it names. A filled honeypot
 * gets the same answer as a real request, and nothing is recorded.
 */
final class WorkshopInterestForm extends Composite<Div> {

    /** Digits and the separators people type in a SIRET ("130 005 481 21800"). */
    private static final Pattern SIRET_CHARACTERS = Pattern.compile("[0-9\\s.\\-\\u00a0\\u202f]*");
    /** Room for the 14 digits and their separators. */
    static final int SIRET_MAX_LENGTH = 20;

    private final long spaceId;
    private final WorkshopInterestRequests requests;
    private final Consumer<String> onSent;
    private final String contactEmail;
    private final TextField companyName = field("company-name", InterestDraft.MAX_COMPANY_NAME);
    private final TextField siret = field("siret", SIRET_MAX_LENGTH);
    private final TextField contactName = field("contact-name", InterestDraft.MAX_CONTACT_NAME);
    private final EmailField email = new EmailField();
    private final TextField phone = field("phone", InterestDraft.MAX_PHONE);
    private final TextArea message = new TextArea();
    private final HoneypotField honeypot = new HoneypotField();
    private final Paragraph refusal = new Paragraph();
    private final Map<String, TextFieldBase<?, String>> fields = new LinkedHashMap<>();

    /**
     * @param onSent told the e-mail address once the request is sent (or dropped as a robot's)
     */
    WorkshopInterestForm(long spaceId, String dispName, String contactEmail, WorkshopInterestRequests requests,
                         Consumer<String> onSent) {
        this.spaceId = spaceId;
        this.requests = requests;
        this.onSent = onSent;
        this.contactEmail = contactEmail;

        companyName.setRequiredIndicatorVisible(true);
        companyName.setAutocomplete(Autocomplete.ORGANIZATION);
        siret.setHelperText(getTranslation("portal.workshops.form.siret.help"));
        siret.setValueChangeMode(ValueChangeMode.LAZY);
        siret.addValueChangeListener(e -> checkSiretAsTyped());
        siret.addBlurListener(e -> checkSiret(false));
        contactName.setRequiredIndicatorVisible(true);
        contactName.setAutocomplete(Autocomplete.NAME);

        email.setLabel(getTranslation("portal.workshops.form.email"));
        email.setHelperText(getTranslation("portal.workshops.form.email.help"));
        email.setMaxLength(InterestDraft.MAX_EMAIL);
        email.setRequiredIndicatorVisible(true);
        email.setManualValidation(true);
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setWidthFull();

        phone.setHelperText(getTranslation("portal.workshops.form.phone.help"));
        phone.setAutocomplete(Autocomplete.TEL);

        message.setLabel(getTranslation("portal.workshops.form.message"));
        message.setHelperText(getTranslation("portal.workshops.form.message.help", InterestDraft.MAX_MESSAGE));
        message.setMaxLength(InterestDraft.MAX_MESSAGE);
        message.setManualValidation(true);
        message.setWidthFull();
        message.setMinRows(4);

        fields.put("companyName", companyName);
        fields.put("siret", siret);
        fields.put("contactName", contactName);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("message", message);

        refusal.addClassName("portal-message-error");
        refusal.getElement().setAttribute("role", "alert");
        refusal.setVisible(false);

        var consent = new Paragraph(getTranslation("portal.workshops.form.consent", dispName, contactEmail));
        consent.addClassName("workshop-consent");
        var submit = new Button(getTranslation("portal.workshops.form.submit"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        var required = new Paragraph(getTranslation("portal.workshops.form.required"));
        getContent().addClassName("portal-form");
        getContent().add(required, companyName, siret, contactName, email, phone, message, honeypot, consent, refusal, submit);
    }

    private TextField field(String name, int maxLength) {
        var field = new TextField();
        field.setLabel(getTranslation("portal.workshops.form." + name));
        field.setMaxLength(maxLength);
        field.setManualValidation(true);
        field.setWidthFull();
        return field;
    }

    private void checkSiretAsTyped() {
        String digits = Siret.normalise(siret.getValue());
        // No complaint while the 14 digits are still being typed, only about a wrong character or a wrong number.
        if (!SIRET_CHARACTERS.matcher(siret.getValue()).matches() || digits.length() >= 14) {
            checkSiret(false);
        } else {
            siret.setInvalid(false);
        }
    }

    /** Whether the SIRET is empty or valid; otherwise says so next to it. */
    private boolean checkSiret(boolean focus) {
        String typed = siret.getValue().strip();
        if (typed.isEmpty() || SIRET_CHARACTERS.matcher(typed).matches() && Siret.isValid(Siret.normalise(typed))) {
            siret.setInvalid(false);
            return true;
        }
        refuse(siret, "workshop.error.siret-invalid", focus);
        return false;
    }

    private void submit() {
        fields.values().forEach(f -> f.setInvalid(false));
        refusal.setVisible(false);
        if (!checkEverything()) {
            return;
        }
        if (honeypot.isFilled()) {
            // A robot: answered like anyone else, and nothing is recorded.
            onSent.accept(email.getValue().strip());
            return;
        }
        var draft = new InterestDraft(spaceId, companyName.getValue(), siret.getValue(), contactName.getValue(),
                PortalInput.normaliseEmail(email.getValue()), phone.getValue(), message.getValue());
        try {
            requests.register(draft, ClientAddress.current());
            onSent.accept(draft.email());
        } catch (PortalException refused) {
            refuse(refused.field(), refused.messageKey(), contactEmail);
        } catch (WorkshopException refused) {
            refuse(refused.field(), refused.messageKey(), refused.arguments());
        }
    }

    /** Every check this form can make itself, each problem next to its field, the focus on the first. */
    private boolean checkEverything() {
        boolean valid = required(companyName, "workshop.error.company-name-required");
        valid &= checkSiret(false);
        valid &= required(contactName, "workshop.error.contact-name-required");
        if (email.getValue().isBlank()) {
            refuse(email, "workshop.error.email-required", false);
            valid = false;
        } else if (!PortalInput.isEmail(PortalInput.normaliseEmail(email.getValue()))) {
            refuse(email, "workshop.error.email-format", false);
            valid = false;
        }
        if (!phone.getValue().isBlank() && PhoneNumbers.normalise(phone.getValue()).isEmpty()) {
            refuse(phone, "workshop.error.phone-format", false);
            valid = false;
        }
        if (!valid) {
            fields.values().stream().filter(HasValidation::isInvalid).findFirst().ifPresent(Focusable::focus);
        }
        return valid;
    }

    private boolean required(TextField field, String messageKey) {
        if (field.getValue().isBlank()) {
            refuse(field, messageKey, false);
            return false;
        }
        return true;
    }

    private void refuse(@Nullable String fieldName, String messageKey, Object... arguments) {
        TextFieldBase<?, String> field = fieldName == null ? null : fields.get(fieldName);
        if (field == null) {
            refusal.setText(getTranslation(messageKey, arguments));
            refusal.setVisible(true);
            return;
        }
        field.setErrorMessage(getTranslation(messageKey, arguments));
        field.setInvalid(true);
        field.focus();
    }

    private void refuse(TextFieldBase<?, String> field, String messageKey, boolean focus) {
        field.setErrorMessage(getTranslation(messageKey));
        field.setInvalid(true);
        if (focus) {
            field.focus();
        }
    }
}
