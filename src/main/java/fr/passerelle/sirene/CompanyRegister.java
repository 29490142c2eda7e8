package fr.passerelle.sirene;

import fr.passerelle.partner.Siret;
import fr.passerelle.sirene.SiretLookup.Reason;
import fr.passerelle.sirene.SiretLookup.Unavailable;
import fr.passerelle.sirene.internal.RecentAnswers;
import fr.passerelle.sirene.internal.SireneClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Looks establishments up in INSEE's Sirene register by SIRET. Answers are kept a few minutes per
 * SIRET so that a form checked as it is typed, or a queue shown again, does not ask INSEE each time;
 * after a "too many requests" answer nothing is asked before the delay INSEE gave. Callable by anyone
 * (the public portal uses it); what the public may see is {@link SiretLookup#publicView()}. Spring
 * closes it at shutdown.
 */
public class CompanyRegister implements AutoCloseable {

    private final @Nullable SireneClient client;
    private final Clock clock;
    private final RecentAnswers recent;
    private volatile Instant quietUntil = Instant.MIN;

    CompanyRegister(@Nullable SireneClient client, Clock clock, Duration cacheDuration, int cacheSize) {
        this.client = client;
        this.clock = clock;
        this.recent = new RecentAnswers(clock, cacheDuration, cacheSize);
    }

    /** Whether an API key is configured; without one every look-up answers {@link Reason#OFF}. */
    public boolean enabled() {
        return client != null;
    }

    /** Looks up a SIRET as typed (spaces, dots and dashes allowed); a malformed one is not sent. */
    public SiretLookup lookup(String siret) {
        return Siret.parse(siret).map(this::lookup).orElseGet(() -> new SiretLookup.InvalidSiret(siret));
    }

    public SiretLookup lookup(Siret siret) {
        SireneClient sirene = client;
        if (sirene == null) {
            return new Unavailable(Reason.OFF);
        }
        SiretLookup known = recent.get(siret.value());
        if (known != null) {
            return known;
        }
        if (clock.instant().isBefore(quietUntil)) {
            return new Unavailable(Reason.RATE_LIMITED);
        }
        SireneClient.Answer answer = sirene.fetch(siret.value());
        Duration retryAfter = answer.retryAfter();
        if (retryAfter != null) {
            quietUntil = clock.instant().plus(retryAfter);
        }
        if (!(answer.lookup() instanceof Unavailable)) {
            recent.put(siret.value(), answer.lookup());
        }
        return answer.lookup();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
