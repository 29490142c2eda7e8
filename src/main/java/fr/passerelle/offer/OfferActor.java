package fr.passerelle.offer;

import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import org.jspecify.annotations.Nullable;

/**
 * Who changes an offer, for the module's own callers: staff (from the signed-in account), a company's
 * contact on the portal (its company's offers only), or a scheduled job. Made only inside the module, so
 * that no other module can act as a company or as the system.
 *
 * @param name      what the status changes and the audit record ("referent", "contact:12", "portal:jeanne@exemple.fr",
 *                  "job:offer-expiry")
 * @param dispCode  a referent's DISP
 * @param companyId a company contact's company
 */
record OfferActor(Kind kind, String name, @Nullable String dispCode, @Nullable Long companyId) {

    enum Kind { ADMIN, REFERENT, COMPANY, SYSTEM }

    static OfferActor of(SignedInUser user) {
        return switch (user.role()) {
            case ADMIN -> new OfferActor(Kind.ADMIN, user.username(), null, null);
            case REFERENT -> new OfferActor(Kind.REFERENT, user.username(), user.dispCode(), null);
            // Communication teams and company accounts change no offer through the staff service.
            case COMMUNICATION, COMPANY -> new OfferActor(Kind.REFERENT, user.username(), null, null);
        };
    }

    static OfferActor company(long companyId, String name) {
        return new OfferActor(Kind.COMPANY, name, null, companyId);
    }

    /** Whoever declared an offer on the portal, by the address they confirmed; acts on no company's offers. */
    static OfferActor declarant(String email) {
        return new OfferActor(Kind.COMPANY, "portal:" + email, null, null);
    }

    /**
     * A staff member recording a hire through the offer (for another module that checked their right to record it):
     * it fills an offer of any DISP, and the status change names that person.
     */
    static OfferActor recordingHire(SignedInUser user) {
        return new OfferActor(Kind.SYSTEM, user.username(), null, null);
    }

    static OfferActor system(String job) {
        return new OfferActor(Kind.SYSTEM, "job:" + job, null, null);
    }

    /** Whether this actor may change an offer of that DISP and company. */
    boolean mayChange(@Nullable String offerDispCode, @Nullable Long offerCompanyId) {
        return switch (kind) {
            case ADMIN, SYSTEM -> true;
            case REFERENT -> dispCode != null && dispCode.equals(offerDispCode);
            case COMPANY -> companyId != null && companyId.equals(offerCompanyId);
        };
    }

    boolean isStaff() {
        return kind == Kind.ADMIN || kind == Kind.REFERENT;
    }

    static boolean isStaff(Role role) {
        return role == Role.ADMIN || role == Role.REFERENT;
    }
}
