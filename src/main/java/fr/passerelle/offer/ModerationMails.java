package fr.passerelle.offer;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.PublicAddress;
import fr.passerelle.base.Translations;
import fr.passerelle.mail.MailOutbox;
import fr.passerelle.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The moderation's e-mails, in French (companies and referents read French; the texts are in
 * {@code moderation_fr.properties}), through the outbox in the caller's transaction, each once (dedup key).
 */
@Component
class ModerationMails {

    private final MailOutbox outbox;
    private final Translations translations;
    private final PublicAddress address;

    ModerationMails(MailOutbox outbox, Translations translations, PublicAddress address) {
        this.outbox = outbox;
        this.translations = translations;
        this.address = address;
    }

    /** To the company's contact: the offer is open, and they can follow it after signing in. */
    void validated(long offerId, String email, String contactName, String title) {
        String text = text("moderation.mail.validated.body", greeting(contactName), title, address.link("portail/connexion").toString());
        outbox.enqueue("offer.validated", OutgoingMail.text(email, text("moderation.mail.validated.subject", title), text),
                "offer-validated:" + offerId);
    }

    /** To the declared contact: the declaration was not accepted, and why. */
    void rejected(long offerId, String email, String contactName, String title, RejectionReason reason, @Nullable String detail) {
        String why = text(reason.translationKey()) + (detail == null ? "" : " – " + detail);
        String text = text("moderation.mail.rejected.body", greeting(contactName), title, why, address.link("portail/declarer").toString());
        outbox.enqueue("offer.rejected", OutgoingMail.text(email, text("moderation.mail.rejected.subject", title), text),
                "offer-rejected:" + offerId);
    }

    /** To a referent of the offer's DISP: a declaration waits in their queue. */
    void declared(long offerId, long referentId, String email, String referentName, String companyName, String title,
                  java.time.Instant at) {
        String text = text("moderation.mail.declared.body", greeting(referentName), companyName, title,
                DisplayFormats.dateTime(at), address.link("moderation").toString());
        outbox.enqueue("offer.declared", OutgoingMail.text(email, text("moderation.mail.declared.subject", companyName), text),
                "offer-declared:" + offerId + ":" + referentId);
    }

    private String greeting(String name) {
        return name.isBlank() ? text("moderation.mail.greeting") : text("moderation.mail.greeting-named", name);
    }

    private String text(String key, Object... arguments) {
        return translations.getTranslation(key, Translations.FRENCH, arguments);
    }
}
