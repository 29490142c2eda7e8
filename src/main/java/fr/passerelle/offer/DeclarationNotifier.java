package fr.passerelle.offer;

import fr.passerelle.security.StaffDirectory;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Once a declaration is committed, e-mails every active referent of its DISP (with an address) a link to the queue,
 * each once. After the commit and in a transaction of its own: the company's confirmation does not wait for it nor
 * fail because of it; the messages go through the outbox, so they survive a mail server that is down.
 */
@Component
class DeclarationNotifier {

    private static final Logger log = LoggerFactory.getLogger(DeclarationNotifier.class);

    private final StaffDirectory staff;
    private final ModerationMails mails;
    private final JdbcClient jdbc;

    DeclarationNotifier(StaffDirectory staff, ModerationMails mails, JdbcClient jdbc) {
        this.staff = staff;
        this.mails = mails;
        this.jdbc = jdbc;
    }

    private record Declared(String title, Instant createdAt) {
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void declared(OfferDeclared declared) {
        try {
            Declared offer = jdbc.sql("select title, created_at from offer where id = :id").param("id", declared.offerId())
                    .query(Declared.class).single();
            for (StaffDirectory.Recipient referent : staff.referentRecipients(declared.dispCode())) {
                mails.declared(declared.offerId(), referent.id(), referent.email(), referent.displayName(),
                        declared.declaredCompanyName(), offer.title(), offer.createdAt());
            }
        } catch (RuntimeException e) {
            // The declaration stays in the queue (and its count in the navigation): only the e-mail is missing.
            log.warn("Declaration {}: the referents of {} could not be e-mailed ({})", declared.offerId(), declared.dispCode(), e.toString());
        }
    }
}
