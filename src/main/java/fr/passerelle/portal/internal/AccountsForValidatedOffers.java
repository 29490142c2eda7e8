package fr.passerelle.portal.internal;

import fr.passerelle.offer.OfferValidated;
import fr.passerelle.portal.CompanyAccountService;
import fr.passerelle.portal.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a referent validates a declaration, its contact gets a portal account for the company, in the validating
 * transaction: the e-mail that tells them the offer is open invites them to sign in, and the link must work at once.
 * An address already tied to another company keeps that account (the referent sorts it out); the validation
 * itself is never refused for it.
 */
@Component
class AccountsForValidatedOffers {

    private static final Logger log = LoggerFactory.getLogger(AccountsForValidatedOffers.class);

    private final CompanyAccountService accounts;

    AccountsForValidatedOffers(CompanyAccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(OfferValidated validated) {
        try {
            accounts.ensureAccount(validated.companyId(), validated.contactId(), validated.contactEmail());
        } catch (PortalException refused) {
            log.warn("Offer {} validated: no portal account for its contact ({}): {}", validated.offerId(),
                    validated.companyId(), refused.messageKey());
        }
    }
}
