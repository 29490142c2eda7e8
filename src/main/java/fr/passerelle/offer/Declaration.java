package fr.passerelle.offer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A hiring intention a company declared on the public portal, once its contact confirmed the e-mail address:
 * who the company says it is (not yet matched to a CRM company — a referent does that when validating), who
 * follows it, and the offer itself ({@link OfferDraft#companyId()} and {@link OfferDraft#contactId()} are
 * ignored). It becomes an offer {@code PENDING_VALIDATION} of source {@code PORTAL}.
 *
 * @param consentedAt    when the contact ticked the consent
 * @param consentVersion which consent text they read (e.g. {@code 2026-12})
 * @param campaignRef    the campaign whose link brought them, when there was one
 */
public record Declaration(DeclaredCompany company, DeclaredContact contact, OfferDraft offer, Instant consentedAt,
                          String consentVersion, @Nullable String campaignRef) {

    /** The company as declared: SIRET (14 digits, checked), legal name, and its address when given. */
    public record DeclaredCompany(String siret, String legalName, @Nullable String street, @Nullable String postcode,
                                  @Nullable String commune, @Nullable String departmentCode, @Nullable String nafCode,
                                  @Nullable String workforceBracketCode) {
    }

    /** The person who declared and follows the offer; their e-mail address is the one they confirmed. */
    public record DeclaredContact(@Nullable String firstName, String lastName, @Nullable String jobTitle, String email,
                                  @Nullable String phone) {
    }
}
