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
 * @param campaignRef    a free tag of where they came from (a fair, a flyer), when the link had one
 * @param campaignId     the campaign whose portal link brought them (decision record 024), when there was one; the
 *                       offer keeps it for the campaign's results, and nothing else reads it
 */
public record Declaration(DeclaredCompany company, DeclaredContact contact, OfferDraft offer, Instant consentedAt,
                          String consentVersion, @Nullable String campaignRef, @Nullable Long campaignId) {

    /** A declaration no campaign brought. */
    public Declaration(DeclaredCompany company, DeclaredContact contact, OfferDraft offer, Instant consentedAt,
                       String consentVersion, @Nullable String campaignRef) {
        this(company, contact, offer, consentedAt, consentVersion, campaignRef, null);
    }

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
