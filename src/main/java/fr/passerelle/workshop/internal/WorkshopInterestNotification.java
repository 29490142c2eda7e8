package fr.passerelle.workshop.internal;

import fr.passerelle.base.PublicAddress;
import fr.passerelle.base.Translations;
import fr.passerelle.mail.MailOutbox;
import fr.passerelle.mail.OutgoingMail;
import fr.passerelle.workshop.WorkshopInterestRegistered;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the space's contact referent, by e-mail, that a company asked about it. Enqueued in the outbox inside the
 * registering transaction (decision 009): no request, no mail; a request, one mail ({@code workshop-interest:<id>}),
 * delivered after the commit. The mail names the company and the space and links to the queue; the company's contact
 * details stay in the application. A space without an active referent with an address gets no mail: the request waits
 * in the DISP's queue all the same.
 */
@Component
class WorkshopInterestNotification {

    static final String KIND = "workshop.interest";
    private static final Logger log = LoggerFactory.getLogger(WorkshopInterestNotification.class);

    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final PublicAddress publicAddress;
    private final Translations translations;

    WorkshopInterestNotification(JdbcClient jdbc, MailOutbox outbox, PublicAddress publicAddress, Translations translations) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.publicAddress = publicAddress;
        this.translations = translations;
    }

    @EventListener
    void onInterestRegistered(WorkshopInterestRegistered interest) {
        contactReferent(interest.spaceId()).ifPresent(referent -> {
            if (!isDeliverable(referent.email())) {
                // Checked before the outbox would refuse it: a staff address must not turn a visitor's request down.
                log.warn("Workshop request {}: the space's referent {} has an address mail cannot go to", interest.interestId(),
                        referent.id());
                return;
            }
            String subject = translations.getTranslation("workshop.interest-mail.subject", Translations.FRENCH,
                    interest.companyName(), interest.spaceLabel());
            String text = translations.getTranslation("workshop.interest-mail.text", Translations.FRENCH, referent.displayName(),
                    interest.companyName(), interest.spaceLabel(), interest.establishmentName(),
                    publicAddress.link("moderation").toString());
            outbox.enqueue(KIND, OutgoingMail.text(referent.email(), subject, text), "workshop-interest:" + interest.interestId());
        });
    }

    /** The space's contact, while their account is an active referent's with an e-mail address. */
    private Optional<Referent> contactReferent(long spaceId) {
        return jdbc.sql("""
                        select u.id, u.display_name, u.email from workshop_space s join app_user u on u.id = s.referent_id
                        where s.id = :space and u.enabled and u.role = 'REFERENT' and u.email is not null""")
                .param("space", spaceId).query(Referent.class).optional();
    }

    private static boolean isDeliverable(String address) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(address, true);
            if (parsed.length != 1) {
                return false;
            }
            parsed[0].validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    record Referent(long id, String displayName, String email) {
    }
}
