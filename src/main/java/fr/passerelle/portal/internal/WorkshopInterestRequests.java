package fr.passerelle.portal.internal;

import fr.passerelle.portal.PortalException;
import fr.passerelle.portal.PortalInput;
import fr.passerelle.portal.PortalRateLimits;
import fr.passerelle.portal.RateLimit;
import fr.passerelle.workshop.InterestDraft;
import fr.passerelle.workshop.WorkshopException;
import fr.passerelle.workshop.WorkshopService;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A visitor's "Je suis intéressé" request about a workshop space, behind the portal's rate limits: so many a day from
 * one client address, so many a day for one e-mail address. The workshop module validates and records it.
 */
@Service
public class WorkshopInterestRequests {

    private final WorkshopService workshops;
    private final PortalRateLimits rateLimits;
    private final RateLimit perAddress;
    private final RateLimit perEmail;

    WorkshopInterestRequests(WorkshopService workshops, PortalRateLimits rateLimits,
                             @Value("${passerelle.portal.rate-limit.workshop-interest-per-address:20}") long perAddress,
                             @Value("${passerelle.portal.rate-limit.workshop-interest-per-email:5}") long perEmail) {
        this.workshops = workshops;
        this.rateLimits = rateLimits;
        this.perAddress = new RateLimit("workshop-interest-address", perAddress, Duration.ofDays(1));
        this.perEmail = new RateLimit("workshop-interest-email", perEmail, Duration.ofDays(1));
    }

    /**
     * Records the request; it waits in the queue of the referents of the space's DISP.
     *
     * @param clientAddress the visitor's address, for the per-address limit
     * @return the request's id
     * @throws PortalException for a used-up allowance: on no field for the client address, on {@code email} for the e-mail
     * @throws WorkshopException naming the draft's field at fault
     */
    public long register(InterestDraft draft, String clientAddress) {
        if (!rateLimits.tryConsume(perAddress, clientAddress)) {
            throw new PortalException(null, "portal.workshops.error.too-many-from-address");
        }
        if (PortalInput.isEmail(PortalInput.normaliseEmail(draft.email()))
                && !rateLimits.tryConsume(perEmail, PortalInput.normaliseEmail(draft.email()))) {
            throw new PortalException("email", "portal.workshops.error.too-many-for-email");
        }
        return workshops.registerInterest(draft);
    }
}
