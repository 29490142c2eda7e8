package fr.passerelle.optout.internal;

import fr.passerelle.optout.OptOutOutcome;
import fr.passerelle.optout.OptOuts;
import fr.passerelle.optout.UnsubscribeToken;
import fr.passerelle.optout.UnsubscribeTokens;
import fr.passerelle.portal.PortalRateLimits;
import fr.passerelle.portal.RateLimit;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the unsubscribe page and the one-click endpoint share: the token's check and the rate limits of the portal's
 * public forms (kept in PostgreSQL, so they hold across instances). A refused token counts against the client address
 * ({@code passerelle.optout.rate-limit.refused-per-address}, 20 an hour); an unsubscribe counts against the recipient
 * address ({@code passerelle.optout.rate-limit.per-recipient}, 10 an hour), not the client's: mail providers send the
 * one-click requests of all their users from a few addresses, and a real unsubscribe must never be turned away.
 */
@Service
public class Unsubscriptions {

    /** How an unsubscribe request ended. */
    public enum Answer {
        UNSUBSCRIBED, ALREADY_UNSUBSCRIBED, REFUSED, TOO_MANY
    }

    /** What the page can show about a token before anyone confirms. */
    public sealed interface Check {
        record Valid(UnsubscribeToken token, boolean alreadyBlocked) implements Check {
        }

        record Refused(boolean tooMany) implements Check {
        }
    }

    private final UnsubscribeTokens tokens;
    private final OptOuts optOuts;
    private final PortalRateLimits rateLimits;
    private final RateLimit refusedPerAddress;
    private final RateLimit perRecipient;

    Unsubscriptions(UnsubscribeTokens tokens, OptOuts optOuts, PortalRateLimits rateLimits,
                    @Value("${passerelle.optout.rate-limit.refused-per-address:20}") long refusedPerAddress,
                    @Value("${passerelle.optout.rate-limit.per-recipient:10}") long perRecipient) {
        this.tokens = tokens;
        this.optOuts = optOuts;
        this.rateLimits = rateLimits;
        this.refusedPerAddress = new RateLimit("unsubscribe-refused", refusedPerAddress, Duration.ofHours(1));
        this.perRecipient = new RateLimit("unsubscribe-recipient", perRecipient, Duration.ofHours(1));
    }

    /** Reads the token for the page (nothing is recorded: a GET never unsubscribes). */
    public Check check(String token, String clientAddress) {
        Optional<UnsubscribeToken> read = tokens.read(token);
        if (read.isEmpty()) {
            return new Check.Refused(!rateLimits.tryConsume(refusedPerAddress, clientAddress));
        }
        return new Check.Valid(read.get(), optOuts.isOptedOut(read.get().address()));
    }

    /** Unsubscribes the token's address: the confirming click, or a one-click POST. Idempotent. */
    public Answer unsubscribe(String token, String clientAddress) {
        Optional<UnsubscribeToken> read = tokens.read(token);
        if (read.isEmpty()) {
            return rateLimits.tryConsume(refusedPerAddress, clientAddress) ? Answer.REFUSED : Answer.TOO_MANY;
        }
        UnsubscribeToken valid = read.get();
        if (optOuts.isOptedOut(valid.address())) {
            return Answer.ALREADY_UNSUBSCRIBED;
        }
        if (!rateLimits.tryConsume(perRecipient, valid.address())) {
            return Answer.TOO_MANY;
        }
        return optOuts.unsubscribe(valid.address(), valid.source()) == OptOutOutcome.BLOCKED
                ? Answer.UNSUBSCRIBED : Answer.ALREADY_UNSUBSCRIBED;
    }
}
