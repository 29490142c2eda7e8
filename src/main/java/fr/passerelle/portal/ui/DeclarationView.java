package fr.passerelle.portal.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.partner.CompanySelfService;
import fr.passerelle.portal.PortalInput;
import fr.passerelle.portal.PortalRateLimits;
import fr.passerelle.portal.internal.CampaignLandings;
import fr.passerelle.portal.internal.DeclarationRefused;
import fr.passerelle.portal.internal.DeclarationRequest;
import fr.passerelle.portal.internal.Declarations;
import fr.passerelle.portal.internal.FieldProblem;
import fr.passerelle.portal.internal.PortalContact;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.sirene.CompanyRegister;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * {@code /portail/declarer}: a company declares a hiring intention without an account, on a phone, in a few minutes.
 * Sending it stores it unconfirmed and e-mails a confirmation link; the visitor then sees the same "check your
 * mailbox" page whatever happened (a robot that filled the honeypot included). Nothing reaches the referents before
 * the link is followed.
 */
@Route("portail/declarer")
@AnonymousAllowed
@StyleSheet("styles/portal-declare.css")
class DeclarationView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final String CONSENT_TEXT_ID = "portal-declare-consent-text";

    private final Declarations declarations;
    private final DeclarationCompanyFields company;
    private final DeclarationOfferFields offer;
    final TextField firstName = new TextField();
    final TextField lastName = new TextField();
    final TextField jobTitle = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final Checkbox consent = new Checkbox();
    final HoneypotField honeypot = new HoneypotField();
    private final Paragraph formError = new Paragraph();
    private final Div form = new Div();
    private @Nullable String campaignRef;

    DeclarationView(Declarations declarations, CompanyRegister register, CompanySelfService companies, PortalRateLimits rateLimits,
                    ReferenceService reference, PortalContact contact) {
        this.declarations = declarations;
        this.company = new DeclarationCompanyFields(register, companies, rateLimits);
        this.offer = new DeclarationOfferFields(reference);
        addClassNames("portal-page", "portal-declare");

        formError.addClassName("portal-message-error");
        formError.getElement().setAttribute("role", "alert");
        formError.setVisible(false);

        var submit = new Button(getTranslation("portal.declare.submit"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("portal-declare-submit");

        form.addClassName("portal-form");
        form.add(company, contactSection(), offer, consentSection(contact), honeypot, formError, submit);
        add(new H1(getTranslation("portal.declare.title")), DeclarationFields.html("p", getTranslation("portal.declare.intro")),
                DeclarationFields.html("p", getTranslation("portal.declare.required-note")), form);
    }

    private FieldSet contactSection() {
        DeclarationFields.text(firstName, getTranslation("portal.declare.first-name"), PortalInput.NAME_MAX_LENGTH, false);
        firstName.setAutocomplete(Autocomplete.GIVEN_NAME);
        DeclarationFields.text(lastName, getTranslation("portal.declare.last-name"), PortalInput.NAME_MAX_LENGTH, true);
        lastName.setAutocomplete(Autocomplete.FAMILY_NAME);
        DeclarationFields.text(jobTitle, getTranslation("portal.declare.job-title"), PortalInput.NAME_MAX_LENGTH, false);
        jobTitle.setAutocomplete(Autocomplete.ORGANIZATION_TITLE);
        DeclarationFields.text(email, getTranslation("portal.declare.email"), PortalInput.EMAIL_MAX_LENGTH, true);
        email.setHelperText(getTranslation("portal.declare.email.help"));
        email.setAutocomplete(Autocomplete.EMAIL);
        DeclarationFields.text(phone, getTranslation("portal.declare.phone"), PortalInput.PHONE_MAX_LENGTH, false);
        phone.setHelperText(getTranslation("portal.declare.phone.help"));
        phone.setAutocomplete(Autocomplete.TEL);
        phone.getElement().setAttribute("inputmode", "tel");
        return DeclarationFields.section(getTranslation("portal.declare.section.contact"), firstName, lastName, jobTitle, email, phone);
    }

    private FieldSet consentSection(PortalContact contact) {
        // What the law requires people be told, as one piece of static HTML rather than a component per paragraph.
        var text = new Element("div").id(CONSENT_TEXT_ID).addClass("portal-declare-consent-text");
        text.appendElement("p").text(getTranslation("portal.declare.consent.controller"));
        text.appendElement("p").text(getTranslation("portal.declare.consent.purpose"));
        text.appendElement("p").text(getTranslation("portal.declare.consent.retention"));
        text.appendElement("p").text(getTranslation("portal.declare.consent.rights", contact.email()));
        consent.setLabel(getTranslation("portal.declare.consent"));
        consent.setRequiredIndicatorVisible(true);
        consent.setManualValidation(true);
        consent.getElement().setAttribute("aria-describedby", CONSENT_TEXT_ID);
        return DeclarationFields.section(getTranslation("portal.declare.section.consent"), DeclarationFields.html(text), consent);
    }

    private void submit() {
        fields().values().forEach(field -> field.setInvalid(false));
        formError.setVisible(false);
        if (honeypot.isFilled()) {
            // A robot: answered like anyone else, and nothing is stored.
            showSent();
            return;
        }
        try {
            declarations.submit(request(), ClientAddress.current(), getLocale());
            showSent();
        } catch (DeclarationRefused refused) {
            show(refused.problems());
        }
    }

    private DeclarationRequest request() {
        return new DeclarationRequest(company.siret.getValue(), company.legalName.getValue(), company.street.getValue(),
                company.postcode.getValue(), company.commune.getValue(), company.naf.getValue(), company.workforceCode(),
                firstName.getValue(), lastName.getValue(), jobTitle.getValue(), email.getValue(), phone.getValue(), offer.draft(),
                consent.getValue(), campaignRef, CampaignLandings.current().orElse(null));
    }

    /** Each message next to its field; the first field at fault gets the focus, and a summary is announced. */
    private void show(List<FieldProblem> problems) {
        Map<String, HasValidation> fields = fields();
        HasValidation first = null;
        List<String> general = new java.util.ArrayList<>();
        for (FieldProblem problem : problems) {
            HasValidation field = problem.field() == null ? null : fields.get(problem.field());
            if (field == null) {
                general.add(DeclarationFields.message(problem));
            } else {
                DeclarationFields.show(field, problem);
                first = first == null ? field : first;
            }
        }
        formError.setText(general.isEmpty() ? getTranslation("portal.declare.error.summary", problems.size()) : String.join(" ", general));
        formError.setVisible(true);
        if (first instanceof com.vaadin.flow.component.Focusable<?> focusable) {
            focusable.focus();
        }
    }

    /** The same page whatever happened: nothing says whether the address, the company or anything else was known. */
    private void showSent() {
        removeAll();
        var title = new H1(getTranslation("portal.declare.sent.title"));
        title.getElement().setAttribute("tabindex", "-1");
        add(title, new Paragraph(getTranslation("portal.declare.sent.text")),
                new Paragraph(getTranslation("portal.declare.sent.spam")),
                new Paragraph(new Anchor("portail", getTranslation("portal.declare.sent.home"))));
        title.getElement().callJsFunction("focus");
    }

    /** The form's fields by the names the checks give their problems. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>(company.fields());
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("jobTitle", jobTitle);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("consent", consent);
        fields.putAll(offer.fields());
        return fields;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // ?campagne=42 is a campaign's portal link, remembered for the session by CampaignLandings; any other value is a
        // free tag of where the visitor came from (a fair, a flyer), which the checks drop when malformed.
        campaignRef = event.getLocation().getQueryParameters().getSingleParameter(CampaignLandings.PARAMETER)
                .filter(value -> CampaignLandings.campaignId(value).isEmpty()).orElse(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.declare.page-title");
    }

    DeclarationCompanyFields company() {
        return company;
    }

    DeclarationOfferFields offer() {
        return offer;
    }
}
