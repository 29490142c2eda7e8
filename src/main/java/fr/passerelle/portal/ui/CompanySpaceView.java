package fr.passerelle.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import fr.passerelle.base.Role;
import fr.passerelle.offer.CompanyOfferService;
import fr.passerelle.partner.CompanySelfService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PhoneNumbers;
import fr.passerelle.portal.PortalException;
import fr.passerelle.portal.PortalInput;
import fr.passerelle.portal.internal.CompanySpace;
import fr.passerelle.reference.ReferenceService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/** A company user's space: their company's offers, their own contact details, which they can correct; sign-out. */
@Route("portail/espace")
@RolesAllowed(Role.COMPANY_NAME)
class CompanySpaceView extends Div implements HasDynamicTitle {

    private final CompanySpace space;
    private final TextField firstName = field("portal.space.first-name", PortalInput.NAME_MAX_LENGTH);
    private final TextField lastName = field("portal.space.last-name", PortalInput.NAME_MAX_LENGTH);
    private final TextField jobTitle = field("portal.space.job-title", PortalInput.NAME_MAX_LENGTH);
    private final TextField phone = field("portal.space.phone", PortalInput.PHONE_MAX_LENGTH);
    private final Paragraph saved = new Paragraph();
    private @Nullable ContactSummary contact;

    CompanySpaceView(CompanySpace space, CompanyOfferService offers, ReferenceService reference) {
        this.space = space;
        addClassName("portal-page");
        CompanySpace.Space current = space.current();
        contact = current.company().contact();
        var title = new H1(getTranslation("portal.space.title", current.company().name()));
        var who = new Paragraph(getTranslation("portal.space.signed-in-as", current.email()));

        var details = new Section(new H2(getTranslation("portal.space.details.title")));
        if (contact == null) {
            details.add(new Paragraph(getTranslation("portal.space.no-contact")));
        } else {
            lastName.setRequiredIndicatorVisible(true);
            phone.setHelperText(getTranslation("portal.space.phone-help"));
            fill(contact);
            var save = new Button(getTranslation("portal.space.save"), click -> save());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            saved.getElement().setAttribute("role", "status");
            saved.addClassName("portal-message-success");
            var form = new Div(firstName, lastName, jobTitle, phone, save);
            form.addClassName("portal-form");
            details.add(form, saved);
        }
        var signOut = new Button(getTranslation("portal.space.sign-out"), click -> signOut());
        add(title, who, new CompanyOffersSection(offers, reference), details, signOut);
    }

    private static TextField field(String key, int maxLength) {
        var field = new TextField();
        field.setLabel(field.getTranslation(key));
        field.setMaxLength(maxLength);
        field.setManualValidation(true);
        field.setWidthFull();
        return field;
    }

    private void fill(ContactSummary c) {
        firstName.setValue(c.firstName() == null ? "" : c.firstName());
        lastName.setValue(c.lastName());
        jobTitle.setValue(c.jobTitle() == null ? "" : c.jobTitle());
        phone.setValue(c.phone() == null ? "" : PhoneNumbers.display(c.phone()));
    }

    private void save() {
        ContactSummary before = contact;
        if (before == null) {
            return;
        }
        var fields = Map.of("firstName", firstName, "lastName", lastName, "jobTitle", jobTitle, "phone", phone);
        fields.values().forEach(f -> f.setInvalid(false));
        saved.setText("");
        try {
            contact = space.updateContact(before.version(), new CompanySelfService.OwnContactDraft(
                    firstName.getValue(), lastName.getValue(), jobTitle.getValue(), phone.getValue()));
            fill(contact);
            saved.setText(getTranslation("portal.space.saved"));
        } catch (PortalException refused) {
            refuse(fields.get(refused.field()), refused.messageKey());
        } catch (PartnerException refused) {
            refuse(fields.get(refused.field()), refused.messageKey());
        }
    }

    private void refuse(@Nullable TextField field, String messageKey) {
        if (field == null) {
            saved.setText(getTranslation(messageKey));
            return;
        }
        field.setErrorMessage(getTranslation(messageKey));
        field.setInvalid(true);
        field.focus();
    }

    private void signOut() {
        getUI().ifPresent(ui -> ui.getPage().setLocation("portail"));
        var request = VaadinServletRequest.getCurrent();
        if (request != null) {
            new SecurityContextLogoutHandler().logout(request.getHttpServletRequest(), null, null);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.space.page-title");
    }
}
