package fr.passerelle.offer.ui;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.offer.OfferService;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.ContactService;
import fr.passerelle.reference.ReferenceService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The services the offer screens share, as one bean; the company page's offers tab. */
@Configuration
class OfferServicesConfiguration {

    @Bean
    OfferFormDialog.Services offerFormServices(OfferService offers, CompanyService companies, ContactService contacts,
                                               ReferenceService reference, CurrentUser currentUser) {
        return new OfferFormDialog.Services(offers, companies, contacts, reference, currentUser);
    }

    @Bean
    OffersTab offersTab(OfferFormDialog.Services services) {
        return new OffersTab(services);
    }
}
