package fr.passerelle.portal.internal;

import fr.passerelle.offer.OfferDraft;
import org.jspecify.annotations.Nullable;

/**
 * A hiring intention as the visitor typed it on {@code /portail/declarer}: the company, the contact, the offer (its
 * {@code companyId} and {@code contactId} are ignored), whether the consent box is ticked, and the campaign whose link
 * brought them, if any. {@link Declarations#check} says what is wrong with it, field by field.
 */
public record DeclarationRequest(String siret, String legalName, @Nullable String street, @Nullable String postcode,
                                 @Nullable String companyCommune, @Nullable String nafCode, @Nullable String workforceBracketCode,
                                 @Nullable String firstName, String lastName, @Nullable String jobTitle, String email,
                                 @Nullable String phone, OfferDraft offer, boolean consent, @Nullable String campaignRef) {

    public DeclarationRequest {
        siret = siret == null ? "" : siret;
        legalName = legalName == null ? "" : legalName;
        lastName = lastName == null ? "" : lastName;
        email = email == null ? "" : email;
    }
}
