package fr.passerelle.offer.internal;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.PublicAddress;
import fr.passerelle.base.Translations;
import fr.passerelle.mail.OutgoingMail;
import java.net.URI;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The reminder an offer's contact receives before the offer expires, in French (companies are French): the
 * offer's title, the company, the last day, and the link that extends it. The link leads to the company's
 * space on the portal ({@code /portail/espace/offres/<id>/prolonger}), which first signs the contact in by
 * e-mailed link and then extends the offer in one click; it carries no secret of its own.
 */
@Component
class OfferReminderMail {

    private final Translations translations;
    private final PublicAddress publicAddress;

    OfferReminderMail(Translations translations, PublicAddress publicAddress) {
        this.translations = translations;
        this.publicAddress = publicAddress;
    }

    /** The address of the portal page that extends the offer. */
    URI extensionLink(long offerId) {
        return publicAddress.link("portail/espace/offres/" + offerId + "/prolonger");
    }

    OutgoingMail reminder(OfferExpiryJob.Due due) {
        String day = DisplayFormats.date(due.lastDay());
        String greeting = due.contactName() == null ? text("offer.reminder.greeting")
                : text("offer.reminder.greeting.named", due.contactName());
        String when = text("offer.reminder.when." + due.reminder().code, day);
        String body = text("offer.reminder.body", greeting, due.title(), due.company(), when, extensionLink(due.offerId()).toString());
        String subject = text("offer.reminder.subject." + due.reminder().code, due.title(), day);
        return OutgoingMail.text(Objects.requireNonNull(due.email()), subject, body);
    }

    private String text(String key, Object... arguments) {
        return translations.getTranslation(key, Translations.FRENCH, arguments);
    }
}
