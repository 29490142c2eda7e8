package fr.passerelle.portal.internal;

import fr.passerelle.base.PublicAddress;
import fr.passerelle.base.Translations;
import fr.passerelle.mail.MailService;
import fr.passerelle.mail.OutgoingMail;
import fr.passerelle.portal.CompanyAccount;
import fr.passerelle.portal.CompanyAccountService;
import fr.passerelle.portal.PortalException;
import fr.passerelle.portal.PortalInput;
import fr.passerelle.portal.PortalRateLimits;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Service;

/**
 * Sends a company user their sign-in link. The answer is the same whether the address has an account or not (no one
 * learns which addresses are known); only a malformed address or a used-up allowance is refused, with its message.
 */
@Service
@ConditionalOnWebApplication
public class SignInLinks {

    /** The page a link opens: it asks for a click before the token is used, so that mail scanners cannot spend it. */
    public static final String LINK_PATH = "portail/connexion/lien";
    public static final String TOKEN_PARAMETER = "jeton";
    /** Where the link page posts the token: Spring Security's one-time-token login filter. */
    public static final String PROCESSING_URL = "/portail/connexion/jeton";

    private static final Logger log = LoggerFactory.getLogger(SignInLinks.class);

    private final CompanyAccountService accounts;
    private final OneTimeTokenService tokens;
    private final PortalRateLimits rateLimits;
    private final MailService mail;
    private final PublicAddress publicAddress;
    private final Translations translations;
    private final Duration validity;

    SignInLinks(CompanyAccountService accounts, OneTimeTokenService tokens, PortalRateLimits rateLimits, MailService mail,
                PublicAddress publicAddress, Translations translations,
                @Value("${passerelle.portal.sign-in-link-validity:15m}") Duration validity) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.rateLimits = rateLimits;
        this.mail = mail;
        this.publicAddress = publicAddress;
        this.translations = translations;
        this.validity = validity;
    }

    /**
     * Sends a link to the address when it is an enabled company account's; otherwise does nothing, and says the same.
     *
     * @param clientAddress the visitor's address, for the per-address limit
     * @throws PortalException on field {@code email}: malformed address, or too many requests (per address or per e-mail)
     */
    public void request(String email, String clientAddress, Locale locale) {
        String address = PortalInput.requireEmail(email);
        if (!rateLimits.tryConsume(rateLimits.signInPerAddress(), clientAddress)
                || !rateLimits.tryConsume(rateLimits.signInPerEmail(), address)) {
            throw new PortalException("email", "portal.error.too-many-requests");
        }
        accounts.findByEmail(address).filter(CompanyAccount::enabled).ifPresent(account -> send(account, locale));
    }

    private void send(CompanyAccount account, Locale locale) {
        OneTimeToken token = tokens.generate(new GenerateOneTimeTokenRequest(account.email(), validity));
        URI link = publicAddress.link(LINK_PATH, TOKEN_PARAMETER, token.getTokenValue());
        String text = translations.getTranslation("portal.sign-in.mail.text", locale, link.toString(), validity.toMinutes());
        try {
            mail.send(OutgoingMail.text(account.email(), translations.getTranslation("portal.sign-in.mail.subject", locale), text));
        } catch (RuntimeException e) {
            // The visitor gets the same answer: telling them would say the address is known.
            log.warn("Sign-in link for company account {} not sent: {}", account.id(), e.getMessage());
        }
    }
}
