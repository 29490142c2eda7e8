package fr.passerelle.sirene;

import fr.passerelle.sirene.internal.SireneClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * For other modules' tests: a {@link CompanyRegister} that asks a local fake of the API Sirene (see {@link FakeSirene})
 * answering fixtures of {@code src/test/resources/sirene/}, and a 404 for any other SIRET.
 */
public final class FakeSireneRegister implements AutoCloseable {

    /** The SIRET of {@code active-company.json}: TRAVAUX PUBLICS DU VAL DE SAONE, Dijon, diffusible. */
    public static final String ACTIVE = CompanyRegisterTest.ACTIVE;
    /** The SIRET of {@code partially-diffusible.json}: not to be shown to the public. */
    public static final String PARTIALLY_DIFFUSIBLE = CompanyRegisterTest.PARTIALLY_DIFFUSIBLE;

    private final FakeSirene server = new FakeSirene()
            .answer(ACTIVE, 200, "active-company.json")
            .answer(PARTIALLY_DIFFUSIBLE, 200, "partially-diffusible.json");
    private final CompanyRegister register;

    public FakeSireneRegister() {
        Clock clock = Clock.systemUTC();
        var client = new SireneClient(URI.create(server.baseUrl()), "test-key", Duration.ofSeconds(1), Duration.ofSeconds(3), clock);
        register = new CompanyRegister(client, clock, Duration.ofMinutes(10), 100);
    }

    public CompanyRegister register() {
        return register;
    }

    /** How many requests the fake received. */
    public int requestCount() {
        return server.requests().size();
    }

    @Override
    public void close() {
        register.close();
        server.close();
    }
}
