package fr.passerelle.portal.internal;

import fr.passerelle.base.PublicAddress;
import fr.passerelle.base.Translations;
import fr.passerelle.mail.OutgoingMail;
import fr.passerelle.offer.Declaration.DeclaredCompany;
import fr.passerelle.offer.Declaration.DeclaredContact;
import fr.passerelle.offer.OfferDraft;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mail that asks a declaration's contact to confirm it: text and HTML saying the same, the link built from the
 * public address (never the request). What the visitor typed is escaped in the HTML.
 */
@Component
class DeclarationMail {

    private final PublicAddress publicAddress;
    private final Translations translations;

    DeclarationMail(PublicAddress publicAddress, Translations translations) {
        this.publicAddress = publicAddress;
        this.translations = translations;
    }

    OutgoingMail confirmation(DeclaredContact contact, DeclaredCompany company, OfferDraft offer, String token, Duration validity,
                              Locale locale) {
        URI link = publicAddress.link(Declarations.CONFIRM_PATH, Declarations.TOKEN_PARAMETER, token);
        String greeting = text(locale, "portal.declare.mail.greeting");
        String intro = text(locale, "portal.declare.mail.intro", offer.title(), company.legalName());
        String action = text(locale, "portal.declare.mail.action");
        String button = text(locale, "portal.declare.mail.button");
        String validityText = text(locale, "portal.declare.mail.validity", validity.toHours());
        String ignore = text(locale, "portal.declare.mail.ignore");
        String signature = text(locale, "portal.declare.mail.signature");

        String plain = String.join("\n\n", List.of(greeting, intro, action, link.toString(), validityText, ignore, signature));
        String href = HtmlUtils.htmlEscape(link.toString());
        String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><body>"
                + paragraph(greeting) + paragraph(intro) + paragraph(action)
                + "<p><a href=\"" + href + "\">" + HtmlUtils.htmlEscape(button) + "</a></p>"
                + "<p>" + href + "</p>"
                + paragraph(validityText) + paragraph(ignore) + paragraph(signature)
                + "</body></html>";
        return OutgoingMail.text(contact.email(), text(locale, "portal.declare.mail.subject"), plain).withHtml(html);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }

    private static String paragraph(String text) {
        return "<p>" + HtmlUtils.htmlEscape(text).replace("\n", "<br>") + "</p>";
    }
}
