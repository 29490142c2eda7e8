package fr.passerelle.portal.internal;

import fr.passerelle.offer.OfferDraft;
import org.jspecify.annotations.Nullable;

/**
 * A hiring intention as the visitor typed it on {@code /portail/declarer}: the company, the contact, the offer (its
 * {@code companyId} and {@code contactId} are ignored), whether the consent box is ticked, and the campaign whose link
 * brought them, if any: a free tag ({@code campaignRef}) and the id of the campaign whose portal link the visitor's
 * session landed with ({@code campaignId}, see {@link CampaignLandings}). {@link Declarations#check} says what is wrong
 * with it, field by field; a malformed tag or id is dropped, never a reason to refuse it.
 */
public record DeclarationRequest(String siret, String legalName, @Nullable String street, @Nullable String postcode,
                                 @Nullable String companyCommune, @Nullable String nafCode, @Nullable String workforceBracketCode,
                                 @Nullable String firstName, String lastName, @Nullable String jobTitle, String email,
                                 @Nullable String phone, OfferDraft offer, boolean consent, @Nullable String campaignRef,
                                 @Nullable Long campaignId) {

    /** A declaration no campaign link brought. */
    public DeclarationRequest(String siret, String legalName, @Nullable String street, @Nullable String postcode,
                              @Nullable String companyCommune, @Nullable String nafCode, @Nullable String workforceBracketCode,
                              @Nullable String firstName, String lastName, @Nullable String jobTitle, String email,
                              @Nullable String phone, OfferDraft offer, boolean consent, @Nullable String campaignRef) {
        this(siret, legalName, street, postcode, companyCommune, nafCode, workforceBracketCode, firstName, lastName, jobTitle,
                email, phone, offer, consent, campaignRef, null);
    }

    public DeclarationRequest {
        siret = siret == null ? "" : siret;
        legalName = legalName == null ? "" : legalName;
        lastName = lastName == null ? "" : lastName;
        email = email == null ? "" : email;
    }
}
