package fr.passerelle.offer;

import fr.passerelle.offer.Declaration.DeclaredCompany;
import fr.passerelle.offer.Declaration.DeclaredContact;
import fr.passerelle.partner.CompanyDraftValidator;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PhoneNumbers;
import fr.passerelle.partner.Postcodes;
import fr.passerelle.partner.Siret;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.reference.ReferenceService;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers that reach Passerelle from the public portal: a company declares a hiring intention without an account.
 *
 * <p>Open to everyone ({@code permitAll}): the portal is public, and its visitors are anonymous. The portal module
 * puts the rate limits, the honeypot and the e-mail confirmation in front of these methods; this service checks and
 * limits every value itself, whoever calls it, and a declaration changes nothing that exists: it only adds an offer
 * waiting for a referent, without a company until the referent validates it.
 *
 * <p>Refusals are {@link OfferException}s naming the field at fault: the offer's fields by their {@link OfferDraft}
 * names ({@code type}, {@code romeCode}, {@code title}, {@code description}, {@code positions}, {@code contractType},
 * {@code hoursPerWeek}, {@code commune}, {@code departmentCode}, {@code establishments}, {@code startDate},
 * {@code endDate}) with the staff form's messages; the company's as {@code company.siret}, {@code company.legalName},
 * {@code company.street}, {@code company.postcode}, {@code company.commune}, {@code company.departmentCode},
 * {@code company.nafCode}, {@code company.workforceBracketCode}; the contact's as {@code contact.firstName},
 * {@code contact.lastName}, {@code contact.jobTitle}, {@code contact.email}, {@code contact.phone}; and
 * {@code consent} for the consent's date and version, {@code campaignRef}. A campaign id that is not a positive number,
 * or the id of no campaign, is dropped, never refused: it only attributes the offer to a campaign (decision record 024).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("permitAll()")
public class OfferIntakeService {

    static final int LEGAL_NAME_MAX = 200;
    static final int STREET_MAX = 200;
    static final int COMMUNE_MAX = 100;
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final int CONSENT_VERSION_MAX = 40;
    static final int CAMPAIGN_MAX = 100;
    /** The same rule as partner's contacts and the database's {@code CHECK}s. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final OfferDraftValidator validator;
    private final OfferOperations operations;
    private final ReferenceService reference;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    OfferIntakeService(OfferDraftValidator validator, OfferOperations operations, ReferenceService reference,
                       ApplicationEventPublisher events, JdbcClient jdbc) {
        this.validator = validator;
        this.operations = operations;
        this.reference = reference;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * Checks and normalises the offer's fields of a declaration, without any company or contact (those of the draft
     * are ignored and come back as given): the portal's form calls it to show errors next to the fields early.
     */
    public OfferDraft checkOffer(OfferDraft draft) {
        return validator.offerFields(draft).draft();
    }

    /**
     * Records a confirmed declaration: checks everything again, creates the offer {@code PENDING_VALIDATION} of source
     * {@code PORTAL} without a company, keeps the declared company and contact with it, records the state it was
     * created in (by {@code portal:<email>}) and publishes {@link OfferCreated} and {@link OfferDeclared} (the
     * referents of its DISP are then e-mailed). The offer keeps the campaign id of the declaration, if any. The portal
     * calls it when the confirmation link is followed.
     *
     * @return the new offer's id
     * @throws OfferException naming the field at fault (see the class description)
     */
    @Transactional
    public long declare(Declaration declaration) {
        DeclaredCompany company = company(declaration.company());
        DeclaredContact contact = contact(declaration.contact());
        String consentVersion = required(declaration.consentVersion(), "consent", CONSENT_VERSION_MAX);
        @Nullable Instant consentedAt = declaration.consentedAt();
        if (consentedAt == null) {
            throw new OfferException("consent", "moderation.declaration.error.required");
        }
        String campaign = optional(declaration.campaignRef(), "campaignRef", CAMPAIGN_MAX);

        var created = operations.createDeclared(OfferActor.declarant(contact.email()), declaration.offer());
        jdbc.sql("""
                        insert into offer_declaration (offer_id, siret, legal_name, street, postcode, commune, department_code,
                                                       naf_code, workforce_bracket, contact_first_name, contact_last_name,
                                                       contact_job_title, contact_email, contact_phone, consented_at,
                                                       consent_version, campaign_ref)
                        values (:offer, :siret, :legalName, :street, :postcode, :commune, :department, :naf, :workforce,
                                :firstName, :lastName, :jobTitle, :email, :phone, :consentedAt, :consentVersion, :campaign)""")
                .param("offer", created.id()).param("siret", company.siret()).param("legalName", company.legalName())
                .param("street", company.street()).param("postcode", company.postcode()).param("commune", company.commune())
                .param("department", company.departmentCode()).param("naf", company.nafCode())
                .param("workforce", company.workforceBracketCode()).param("firstName", contact.firstName())
                .param("lastName", contact.lastName()).param("jobTitle", contact.jobTitle()).param("email", contact.email())
                .param("phone", contact.phone()).param("consentedAt", java.sql.Timestamp.from(consentedAt))
                .param("consentVersion", consentVersion).param("campaign", campaign)
                .update();
        Long campaignId = declaration.campaignId();
        if (campaignId != null && campaignId > 0) {
            // Not a field of the Offer entity: written once here, read only by the campaign results.
            // The id of no campaign (deleted meanwhile, or forged) is dropped: attribution only.
            jdbc.sql("""
                            update offer set campaign_id = :campaign
                            where id = :id and exists (select 1 from campaign c where c.id = :campaign)""").param("campaign", campaignId)
                    .param("id", created.id()).update();
        }
        events.publishEvent(new OfferDeclared(created.id(), created.dispCode(), company.legalName(), company.siret()));
        return created.id();
    }

    private DeclaredCompany company(DeclaredCompany company) {
        String siretInput = Objects.requireNonNullElse(company.siret(), "");
        String siret = Siret.normalise(siretInput.strip());
        if (siret.isEmpty()) {
            throw new OfferException("company.siret", "partner.error.siret-required");
        }
        if (!Siret.isValid(siret)) {
            throw new OfferException("company.siret", siret.matches("[0-9]{14}") ? "partner.error.siret-checksum"
                    : "partner.error.siret-format");
        }
        String legalName = required(company.legalName(), "company.legalName", LEGAL_NAME_MAX);
        String street = optional(company.street(), "company.street", STREET_MAX);
        String postcode = OfferDraftValidator.blankToNull(company.postcode());
        if (postcode != null && !Postcodes.isValid(postcode)) {
            throw new OfferException("company.postcode", "partner.error.postcode-format");
        }
        String commune = optional(company.commune(), "company.commune", COMMUNE_MAX);
        String department = OfferDraftValidator.blankToNull(company.departmentCode());
        if (department == null && postcode != null) {
            department = Postcodes.department(postcode).orElse(null);
        }
        if (department != null) {
            String wanted = department.toUpperCase(Locale.ROOT);
            department = reference.departments().stream().filter(d -> d.code().equals(wanted)).findFirst()
                    .orElseThrow(() -> new OfferException("company.departmentCode", "offer.error.department-unknown", wanted)).code();
        }
        String naf;
        try {
            naf = CompanyDraftValidator.normaliseNaf(company.nafCode());
        } catch (PartnerException e) {
            throw new OfferException("company.nafCode", e.messageKey(), e.arguments());
        }
        if (naf != null && reference.nafSubClass(naf).isEmpty()) {
            throw new OfferException("company.nafCode", "partner.error.naf-unknown", naf);
        }
        String workforce = OfferDraftValidator.blankToNull(company.workforceBracketCode());
        if (workforce != null && WorkforceBracket.ofCode(workforce).isEmpty()) {
            throw new OfferException("company.workforceBracketCode", "moderation.declaration.error.workforce-unknown");
        }
        return new DeclaredCompany(siret, legalName, street, postcode, commune, department, naf, workforce);
    }

    private static DeclaredContact contact(DeclaredContact contact) {
        String firstName = optional(contact.firstName(), "contact.firstName", NAME_MAX);
        String lastName = required(contact.lastName(), "contact.lastName", NAME_MAX);
        String jobTitle = optional(contact.jobTitle(), "contact.jobTitle", NAME_MAX);
        String email = required(contact.email(), "contact.email", EMAIL_MAX).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw new OfferException("contact.email", "partner.error.email-format");
        }
        String phone = OfferDraftValidator.blankToNull(contact.phone());
        if (phone != null) {
            phone = PhoneNumbers.normalise(phone).orElseThrow(() -> new OfferException("contact.phone", "partner.error.phone-format"));
        }
        return new DeclaredContact(firstName, lastName, jobTitle, email, phone);
    }

    private static String required(@Nullable String value, String field, int max) {
        String text = optional(value, field, max);
        if (text == null) {
            throw new OfferException(field, "moderation.declaration.error.required");
        }
        return text;
    }

    private static @Nullable String optional(@Nullable String value, String field, int max) {
        String text = OfferDraftValidator.blankToNull(value);
        if (text != null && text.length() > max) {
            throw new OfferException(field, "offer.error.too-long", max);
        }
        return text;
    }
}
