package fr.passerelle.offer.internal;

import fr.passerelle.offer.domain.Offer;
import fr.passerelle.offer.domain.OfferRepository;
import fr.passerelle.partner.CompanyMerging;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A merged duplicate's offers move to the kept company (through JPA, so that the move is audited). */
@Component
class OfferCompanyMerge {

    private final OfferRepository offers;

    OfferCompanyMerge(OfferRepository offers) {
        this.offers = offers;
    }

    /** Synchronous, in the merge's transaction: the duplicate is deleted right after. */
    @EventListener
    void companyMerging(CompanyMerging merging) {
        for (Offer offer : offers.findByCompanyId(merging.mergedId())) {
            offer.moveToCompany(merging.keptId());
            offers.saveAndFlush(offer);
        }
    }
}
