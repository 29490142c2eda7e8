package fr.passerelle.portal.internal;

import fr.passerelle.offer.Declaration.DeclaredCompany;
import fr.passerelle.offer.Declaration.DeclaredContact;
import fr.passerelle.offer.OfferDraft;
import fr.passerelle.offer.OfferException;
import fr.passerelle.offer.OfferIntakeService;
import fr.passerelle.partner.CompanyDraftValidator;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PhoneNumbers;
import fr.passerelle.partner.Postcodes;
import fr.passerelle.partner.Siret;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.portal.PortalInput;
import fr.passerelle.reference.ReferenceService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a declaration as typed and normalises it. Every field of the company and the contact is checked, so that
 * the visitor sees all their mistakes at once; the offer's fields are the offer module's to judge
 * ({@link OfferIntakeService#checkOffer}), which reports the first one. The same limits are {@code CHECK}s of V18.
 */
@Component
class DeclarationChecker {

    static final int LEGAL_NAME_MAX = 120;
    static final int STREET_MAX = 200;
    static final int COMMUNE_MAX = 100;
    static final int NAF_MAX = 10;
    static final int SIRET_MAX = 20;
    static final int CAMPAIGN_MAX = 64;
    private static final Pattern DIGITS_AND_SEPARATORS = Pattern.compile("[0-9\\s.\\-\\u00a0\\u202f]*");
    private static final Pattern CAMPAIGN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final OfferIntakeService intake;
    private final ReferenceService reference;

    DeclarationChecker(OfferIntakeService intake, ReferenceService reference) {
        this.intake = intake;
        this.reference = reference;
    }

    /** The declaration normalised, or what is wrong with it (then {@code company} and the rest are null). */
    record Checked(List<FieldProblem> problems, @Nullable DeclaredCompany company, @Nullable DeclaredContact contact,
                   @Nullable OfferDraft offer, @Nullable String campaignRef, @Nullable Long campaignId) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    Checked check(DeclarationRequest request) {
        var problems = new ArrayList<FieldProblem>();
        Optional<FieldProblem> siretProblem = siretProblem(request.siret());
        siretProblem.ifPresent(problems::add);
        String siret = siretProblem.isPresent() ? null : Siret.normalise(request.siret().strip());

        String legalName = required(problems, "legalName", request.legalName(), LEGAL_NAME_MAX, "portal.declare.error.legal-name-required");
        String street = optional(problems, "street", request.street(), STREET_MAX);
        String postcode = optional(problems, "postcode", request.postcode(), 5);
        String departmentCode = null;
        if (postcode != null) {
            if (!Postcodes.isValid(postcode)) {
                problems.add(new FieldProblem("postcode", "portal.declare.error.postcode-format"));
            } else {
                departmentCode = Postcodes.department(postcode).orElse(null);
            }
        }
        String commune = optional(problems, "companyCommune", request.companyCommune(), COMMUNE_MAX);
        String naf = naf(problems, request.nafCode());
        String workforce = blankToNull(request.workforceBracketCode());
        if (workforce != null && WorkforceBracket.ofCode(workforce).isEmpty()) {
            problems.add(new FieldProblem("workforceBracket", "portal.declare.error.workforce-unknown"));
        }

        String firstName = optional(problems, "firstName", request.firstName(), PortalInput.NAME_MAX_LENGTH);
        String lastName = required(problems, "lastName", request.lastName(), PortalInput.NAME_MAX_LENGTH, "portal.declare.error.last-name-required");
        String jobTitle = optional(problems, "jobTitle", request.jobTitle(), PortalInput.NAME_MAX_LENGTH);
        String email = email(problems, request.email());
        String phone = phone(problems, request.phone());
        if (!request.consent()) {
            problems.add(new FieldProblem("consent", "portal.declare.error.consent-required"));
        }
        String campaign = blankToNull(request.campaignRef());
        if (campaign != null && (campaign.length() > CAMPAIGN_MAX || !CAMPAIGN.matcher(campaign).matches())) {
            // A link tampered with: the declaration stands, without it.
            campaign = null;
        }
        Long campaignId = request.campaignId() != null && request.campaignId() > 0 ? request.campaignId() : null;

        OfferDraft offer = null;
        try {
            offer = intake.checkOffer(request.offer());
        } catch (OfferException e) {
            problems.add(new FieldProblem(e.field(), e.messageKey(), e.arguments()));
        }
        if (!problems.isEmpty() || siret == null || legalName == null || lastName == null || email == null || offer == null) {
            return new Checked(List.copyOf(problems), null, null, null, null, null);
        }
        return new Checked(List.of(), new DeclaredCompany(siret, legalName, street, postcode, commune, departmentCode, naf, workforce),
                new DeclaredContact(firstName, lastName, jobTitle, email, phone), offer, campaign, campaignId);
    }

    /** What is wrong with a SIRET as typed, if anything: the same messages as the form shows while it is typed. */
    static Optional<FieldProblem> siretProblem(@Nullable String input) {
        String typed = input == null ? "" : input.strip();
        if (typed.isEmpty()) {
            return Optional.of(new FieldProblem("siret", "portal.declare.error.siret-required"));
        }
        if (typed.length() > SIRET_MAX || !DIGITS_AND_SEPARATORS.matcher(typed).matches()) {
            return Optional.of(new FieldProblem("siret", "portal.declare.error.siret-digits"));
        }
        String digits = Siret.normalise(typed);
        if (digits.length() != 14) {
            return Optional.of(new FieldProblem("siret", "portal.declare.error.siret-length", digits.length()));
        }
        if (!Siret.isValid(digits)) {
            return Optional.of(new FieldProblem("siret", "portal.declare.error.siret-checksum"));
        }
        return Optional.empty();
    }

    private @Nullable String naf(List<FieldProblem> problems, @Nullable String input) {
        String typed = optional(problems, "nafCode", input, NAF_MAX);
        if (typed == null) {
            return null;
        }
        try {
            String naf = CompanyDraftValidator.normaliseNaf(typed);
            if (naf != null && reference.nafSubClass(naf).isEmpty()) {
                problems.add(new FieldProblem("nafCode", "portal.declare.error.naf-unknown", naf));
                return null;
            }
            return naf;
        } catch (PartnerException e) {
            problems.add(new FieldProblem("nafCode", "portal.declare.error.naf-format"));
            return null;
        }
    }

    private static @Nullable String email(List<FieldProblem> problems, String input) {
        if (input.isBlank()) {
            problems.add(new FieldProblem("email", "portal.error.email-required"));
            return null;
        }
        String email = PortalInput.normaliseEmail(input);
        if (email.length() > PortalInput.EMAIL_MAX_LENGTH) {
            problems.add(new FieldProblem("email", "portal.declare.error.too-long", PortalInput.EMAIL_MAX_LENGTH));
            return null;
        }
        if (!PortalInput.isEmail(email)) {
            problems.add(new FieldProblem("email", "portal.error.email-format"));
            return null;
        }
        return email;
    }

    private static @Nullable String phone(List<FieldProblem> problems, @Nullable String input) {
        String typed = optional(problems, "phone", input, PortalInput.PHONE_MAX_LENGTH);
        if (typed == null) {
            return null;
        }
        Optional<String> phone = PhoneNumbers.normalise(typed);
        if (phone.isEmpty()) {
            problems.add(new FieldProblem("phone", "portal.declare.error.phone-format"));
        }
        return phone.orElse(null);
    }

    private static @Nullable String required(List<FieldProblem> problems, String field, @Nullable String input, int max, String missingKey) {
        if (blankToNull(input) == null) {
            problems.add(new FieldProblem(field, missingKey));
            return null;
        }
        return optional(problems, field, input, max);
    }

    /** The value stripped, null when blank; a value longer than {@code max} is a problem (and null). */
    private static @Nullable String optional(List<FieldProblem> problems, String field, @Nullable String input, int max) {
        String value = blankToNull(input);
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "portal.declare.error.too-long", max));
            return null;
        }
        return value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
