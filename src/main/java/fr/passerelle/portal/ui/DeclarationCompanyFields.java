package fr.passerelle.portal.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import fr.passerelle.partner.CompanySelfService;
import fr.passerelle.partner.Siret;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.portal.PortalRateLimits;
import fr.passerelle.portal.RateLimit;
import fr.passerelle.portal.internal.Declarations;
import fr.passerelle.portal.internal.FieldProblem;
import fr.passerelle.sirene.CompanyRegister;
import fr.passerelle.sirene.RegisteredEstablishment;
import fr.passerelle.sirene.SiretLookup;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Section 1 of the declaration: the company. The SIRET is checked as it is typed (format and check digits), with the
 * message next to it. Once it is valid, the legal name of a company the CRM already knows is prefilled (and nothing
 * else about it is shown); otherwise, when the Sirene look-up is on, what the register publishes about a diffusible
 * establishment. A field the visitor changed is never overwritten.
 */
final class DeclarationCompanyFields extends Composite<FieldSet> {

    /** Look-ups (CRM and Sirene) one client address may cause in an hour; beyond, the form simply prefills nothing. */
    static final RateLimit LOOKUPS_PER_ADDRESS = new RateLimit("declare-siret-address", 60, Duration.ofHours(1));

    private final CompanyRegister register;
    private final CompanySelfService companies;
    private final PortalRateLimits rateLimits;

    final TextField siret = new TextField();
    final TextField legalName = new TextField();
    final TextField street = new TextField();
    final TextField postcode = new TextField();
    final TextField commune = new TextField();
    final TextField naf = new TextField();
    /**
     * A combo box rather than a select: a select holds a server-side component per bracket (sixteen) in every visitor's
     * session; the combo box sends its items as data. Typing filters them ("50" finds "50 à 99 salariés").
     */
    final ComboBox<WorkforceBracket> workforce = new ComboBox<>();
    /** What this form put in each field, so that a later prefill replaces only its own values. */
    private final Map<HasValue<?, ?>, Object> prefilled = new HashMap<>();
    private @Nullable String lookedUp;

    DeclarationCompanyFields(CompanyRegister register, CompanySelfService companies, PortalRateLimits rateLimits) {
        this.register = register;
        this.companies = companies;
        this.rateLimits = rateLimits;
        getContent().add(DeclarationFields.html("legend", getTranslation("portal.declare.section.company")));

        DeclarationFields.text(siret, getTranslation("portal.declare.siret"), 20, true);
        siret.setHelperText(getTranslation("portal.declare.siret.help"));
        siret.getElement().setAttribute("inputmode", "numeric");
        siret.setValueChangeMode(ValueChangeMode.LAZY);
        siret.addValueChangeListener(e -> siretTyped(false));
        siret.addBlurListener(e -> siretTyped(true));
        DeclarationFields.text(legalName, getTranslation("portal.declare.legal-name"), 120, true);
        legalName.setAutocomplete(Autocomplete.ORGANIZATION);
        DeclarationFields.text(street, getTranslation("portal.declare.street"), 200, false);
        street.setAutocomplete(Autocomplete.STREET_ADDRESS);
        DeclarationFields.text(postcode, getTranslation("portal.declare.postcode"), 5, false);
        postcode.setAutocomplete(Autocomplete.POSTAL_CODE);
        postcode.getElement().setAttribute("inputmode", "numeric");
        DeclarationFields.text(commune, getTranslation("portal.declare.company-commune"), 100, false);
        commune.setAutocomplete(Autocomplete.ADDRESS_LEVEL2);
        DeclarationFields.text(naf, getTranslation("portal.declare.naf"), 10, false);
        naf.setHelperText(getTranslation("portal.declare.naf.help"));
        workforce.setLabel(getTranslation("portal.declare.workforce"));
        workforce.setItems(WorkforceBracket.values());
        workforce.setItemLabelGenerator(b -> b == null ? "" : getTranslation(b.translationKey()));
        // Not given unless chosen: the empty field says so, and its clear button takes a choice back.
        workforce.setPlaceholder(getTranslation("portal.declare.workforce.none"));
        workforce.setClearButtonVisible(true);
        workforce.setManualValidation(true);
        getContent().add(siret, legalName, street, postcode, commune, naf, workforce);
    }

    /**
     * Checks the SIRET as it stands. While it is typed, a SIRET still too short is not an error yet; leaving the field
     * ({@code complete}) it is.
     */
    private void siretTyped(boolean complete) {
        String typed = siret.getValue();
        siret.setInvalid(false);
        siret.setHelperText(getTranslation("portal.declare.siret.help"));
        if (typed.isBlank()) {
            return;
        }
        Optional<FieldProblem> problem = Declarations.siretProblem(typed);
        if (problem.isPresent()) {
            boolean tooShortYet = problem.get().messageKey().equals("portal.declare.error.siret-length")
                    && Siret.normalise(typed).length() < 14;
            if (complete || !tooShortYet) {
                DeclarationFields.show(siret, problem.get());
            }
            return;
        }
        Siret valid = Siret.parse(typed).orElseThrow();
        siret.setHelperText(getTranslation("portal.declare.siret.valid"));
        if (!valid.value().equals(lookedUp)) {
            lookedUp = valid.value();
            prefill(valid);
        }
    }

    private void prefill(Siret valid) {
        if (!rateLimits.tryConsume(LOOKUPS_PER_ADDRESS, ClientAddress.current())) {
            return;
        }
        Optional<String> known = companies.legalNameOf(valid);
        if (known.isPresent()) {
            fill(legalName, known.get());
            siret.setHelperText(getTranslation("portal.declare.prefill.known"));
            return;
        }
        if (register.enabled() && register.lookup(valid).publicView() instanceof SiretLookup.Found found) {
            RegisteredEstablishment establishment = found.establishment();
            fill(legalName, establishment.legalName());
            fill(street, establishment.street());
            fill(postcode, establishment.postcode());
            fill(commune, establishment.commune());
            fill(naf, establishment.nafCode());
            fill(workforce, establishment.workforceBracket().orElse(null));
            siret.setHelperText(getTranslation("portal.declare.prefill.sirene"));
        }
    }

    /** Puts the value in when the field is empty or still holds what this form put there. */
    private <V> void fill(HasValue<?, V> field, @Nullable V value) {
        if (value == null) {
            return;
        }
        V current = field.getValue();
        if (field.isEmpty() || Objects.equals(current, prefilled.get(field))) {
            field.setValue(value);
            prefilled.put(field, value);
        }
    }

    /** The fields by the names the checks give their problems. */
    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("siret", siret);
        fields.put("legalName", legalName);
        fields.put("street", street);
        fields.put("postcode", postcode);
        fields.put("companyCommune", commune);
        fields.put("nafCode", naf);
        fields.put("workforceBracket", workforce);
        return fields;
    }

    @Nullable String workforceCode() {
        return workforce.getValue() == null ? null : workforce.getValue().code();
    }
}
