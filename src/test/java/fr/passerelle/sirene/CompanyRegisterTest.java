package fr.passerelle.sirene;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.sirene.FakeSirene.Reply;
import fr.passerelle.sirene.SiretLookup.Found;
import fr.passerelle.sirene.SiretLookup.Reason;
import fr.passerelle.sirene.SiretLookup.Unavailable;
import fr.passerelle.sirene.internal.SireneClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The register against a local fake of the API Sirene answering its real JSON shapes and statuses. */
class CompanyRegisterTest {

    static final String ACTIVE = "81234567600025";
    static final String CLOSED = "81234567600041";
    static final String NON_DIFFUSIBLE = "52345678800018";
    static final String PARTIALLY_DIFFUSIBLE = "90123456700013";
    static final String PERSON = "47812345800034";
    static final String UNKNOWN = "38765432000010";
    static final String REFUSED = "79912345000022";
    static final String BUSY = "83456789300013";
    static final String FAILING = "44556677100017";
    static final String SLOW = "66778899600011";
    static final String MAINTENANCE = "12312312700011";
    /** Generous, so that a loaded machine does not turn an answer into a time-out; the slow test uses its own. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

    private final FakeSirene sirene = new FakeSirene()
            .answer(ACTIVE, 200, "active-company.json")
            .answer(CLOSED, 200, "closed-establishment.json")
            .answer(NON_DIFFUSIBLE, 403, "non-diffusible-403.json")
            .answer(PARTIALLY_DIFFUSIBLE, 200, "partially-diffusible.json")
            .answer(PERSON, 200, "individual-entrepreneur.json")
            .answer(UNKNOWN, 404, "not-found-404.json")
            .answer(REFUSED, 400, "bad-request-400.json")
            .answer(BUSY, new Reply(429, "rate-limited-429.json", Map.of("Retry-After", "30"), Duration.ZERO))
            .answer(FAILING, 500, "server-error-500.json")
            .answer(MAINTENANCE, 503, "service-unavailable-503.html")
            .answer(SLOW, new Reply(200, "active-company.json", Map.of(), READ_TIMEOUT));
    private final MovableClock clock = new MovableClock();
    private CompanyRegister register = register(sirene.baseUrl(), 100, READ_TIMEOUT);

    private CompanyRegister register(String baseUrl, int cacheSize, Duration readTimeout) {
        var client = new SireneClient(URI.create(baseUrl), "test-key", Duration.ofSeconds(1), readTimeout, clock);
        return new CompanyRegister(client, clock, Duration.ofMinutes(10), cacheSize);
    }

    @AfterEach
    void stop() {
        register.close();
        sirene.close();
    }

    private RegisteredEstablishment found(String siret) {
        SiretLookup lookup = register.lookup(siret);
        assertThat(lookup).isInstanceOf(Found.class);
        return ((Found) lookup).establishment();
    }

    @Test
    void anActiveCompanyIsReadFromItsCurrentPeriodAndTheKeyIsSent() {
        assertThat(register.enabled()).isTrue();
        RegisteredEstablishment establishment = found(ACTIVE);

        assertThat(establishment).isEqualTo(new RegisteredEstablishment(ACTIVE, "812345676", "TRAVAUX PUBLICS DU VAL DE SAONE",
                "TPVS", "42.21Z", "12", "12 RUE DES ARTISANS", "21000", "DIJON", "21231", "5710", LocalDate.of(2015, 6, 1),
                true, true, true));
        assertThat(establishment.workforceBracket()).contains(WorkforceBracket.FROM_20);
        assertThat(establishment.individualEntrepreneur()).isFalse();
        assertThat(register.lookup(ACTIVE).statusKey()).isEqualTo("sirene.status.active");
        assertThat(sirene.requests()).containsExactly(
                new FakeSirene.Request(FakeSirene.CONTEXT + "/siret/" + ACTIVE, "test-key", "application/json"));
    }

    @Test
    void aClosedEstablishmentIsFoundButNotActive() {
        RegisteredEstablishment establishment = found(CLOSED);

        assertThat(establishment.active()).isFalse();
        assertThat(establishment.headOffice()).isFalse();
        assertThat(establishment.street()).isEqualTo("4 B AV DE PARIS");
        assertThat(establishment.commune()).isEqualTo("CHALON-SUR-SAONE");
        assertThat(establishment.workforceBracketCode()).isNull();
        assertThat(establishment.tradeName()).isNull();
        assertThat(register.lookup(CLOSED).statusKey()).isEqualTo("sirene.status.closed");
    }

    @Test
    void anIndividualEntrepreneurIsNamedByFirstNameAndName() {
        RegisteredEstablishment establishment = found(PERSON);

        assertThat(establishment.legalName()).isEqualTo("CLAIRE MOREAU");
        assertThat(establishment.tradeName()).isEqualTo("MENUISERIE MOREAU");
        assertThat(establishment.individualEntrepreneur()).isTrue();
        assertThat(establishment.nafCode()).isEqualTo("43.32A");
        assertThat(establishment.workforceBracket()).contains(WorkforceBracket.NN);
        assertThat(establishment.street()).isEqualTo("8 PL DE LA LIBERATION");
    }

    @Test
    void aPartiallyDiffusibleEstablishmentKeepsOnlyItsPublicFieldsAndIsHiddenFromThePublic() {
        SiretLookup lookup = register.lookup(PARTIALLY_DIFFUSIBLE);
        RegisteredEstablishment establishment = ((Found) lookup).establishment();

        assertThat(establishment.diffusible()).isFalse();
        assertThat(establishment.legalName()).isNull();
        assertThat(establishment.tradeName()).isNull();
        assertThat(establishment.street()).isNull();
        assertThat(establishment.active()).isTrue();
        assertThat(establishment.nafCode()).isEqualTo("16.23Z");
        assertThat(establishment.commune()).isEqualTo("BESANCON");
        assertThat(lookup.statusKey()).isEqualTo("sirene.status.active-non-diffusible");
        assertThat(lookup.publicView()).isEqualTo(new SiretLookup.NonDiffusible(PARTIALLY_DIFFUSIBLE));
    }

    @Test
    void aNonDiffusibleEstablishmentGivesNothingButItsStatus() {
        SiretLookup lookup = register.lookup(NON_DIFFUSIBLE);

        assertThat(lookup).isEqualTo(new SiretLookup.NonDiffusible(NON_DIFFUSIBLE));
        assertThat(lookup.publicView()).isEqualTo(lookup);
        assertThat(lookup.statusKey()).isEqualTo("sirene.status.non-diffusible");
    }

    @Test
    void aDiffusibleEstablishmentIsShownToThePublicAsItIs() {
        SiretLookup lookup = register.lookup(ACTIVE);

        assertThat(lookup.publicView()).isSameAs(lookup);
    }

    @Test
    void anUnknownSiretIsNotFoundAndOneInseeRefusesIsInvalid() {
        assertThat(register.lookup(UNKNOWN)).isEqualTo(new SiretLookup.NotFound(UNKNOWN));
        assertThat(register.lookup(REFUSED)).isEqualTo(new SiretLookup.InvalidSiret(REFUSED));
    }

    @Test
    void aMalformedSiretIsNeverSentAndATypedOneIsSentAsDigits() {
        assertThat(register.lookup("8123")).isEqualTo(new SiretLookup.InvalidSiret("8123"));
        assertThat(register.lookup("81234567600026")).as("wrong check digit").isInstanceOf(SiretLookup.InvalidSiret.class);
        assertThat(sirene.requests()).isEmpty();

        assertThat(register.lookup("812 345 676 00025")).isInstanceOf(Found.class);
        assertThat(sirene.requests()).extracting(FakeSirene.Request::path).containsExactly(FakeSirene.CONTEXT + "/siret/" + ACTIVE);
    }

    @Test
    void aSecondLookUpIsAnsweredFromTheCacheUntilItExpires() {
        SiretLookup first = register.lookup(ACTIVE);
        assertThat(register.lookup(ACTIVE)).isEqualTo(first);
        assertThat(register.lookup(UNKNOWN)).isEqualTo(register.lookup(UNKNOWN));
        assertThat(sirene.requests()).hasSize(2);

        clock.advance(Duration.ofMinutes(10));
        register.lookup(ACTIVE);
        assertThat(sirene.requests()).hasSize(3);
    }

    @Test
    void theCacheKeepsOnlyTheMostRecentlyUsedSirets() {
        register.close();
        register = register(sirene.baseUrl(), 2, READ_TIMEOUT);
        register.lookup(ACTIVE);
        register.lookup(CLOSED);
        register.lookup(ACTIVE);
        register.lookup(PERSON); // CLOSED, the least recently used, goes
        assertThat(sirene.requests()).hasSize(3);

        register.lookup(ACTIVE);
        register.lookup(CLOSED);
        assertThat(sirene.requests()).extracting(FakeSirene.Request::path).hasSize(4)
                .last().isEqualTo(FakeSirene.CONTEXT + "/siret/" + CLOSED);
    }

    @Test
    void tooManyRequestsSilencesTheLookUpForTheRetryAfterDelay() {
        assertThat(register.lookup(BUSY)).isEqualTo(new Unavailable(Reason.RATE_LIMITED));
        assertThat(register.lookup(ACTIVE)).isEqualTo(new Unavailable(Reason.RATE_LIMITED));
        clock.advance(Duration.ofSeconds(29));
        assertThat(register.lookup(ACTIVE).statusKey()).isEqualTo("sirene.status.rate-limited");
        assertThat(sirene.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(register.lookup(ACTIVE)).isInstanceOf(Found.class);
        assertThat(sirene.requests()).hasSize(2);
    }

    @Test
    void serverErrorsAreUnavailableAndNotCached() {
        assertThat(register.lookup(FAILING)).isEqualTo(new Unavailable(Reason.ERROR));
        assertThat(register.lookup(FAILING)).isEqualTo(new Unavailable(Reason.ERROR));
        assertThat(register.lookup(MAINTENANCE)).isEqualTo(new Unavailable(Reason.ERROR));
        assertThat(register.lookup(MAINTENANCE).statusKey()).isEqualTo("sirene.status.unavailable");
        assertThat(sirene.requests()).hasSize(4);
    }

    @Test
    void aForbiddenAnswerThatIsNotAboutDiffusionIsAnErrorNotANonDiffusibleEstablishment() {
        sirene.answer(REFUSED, 403, "key-refused-403.json");

        assertThat(register.lookup(REFUSED)).isEqualTo(new Unavailable(Reason.ERROR));
    }

    @Test
    void aSlowAnswerTimesOutWithinTheReadTimeout() {
        register.close();
        register = register(sirene.baseUrl(), 100, SHORT_READ_TIMEOUT);
        long start = System.nanoTime();

        assertThat(register.lookup(SLOW)).isEqualTo(new Unavailable(Reason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(READ_TIMEOUT);
    }

    @Test
    void aServerThatCannotBeReachedIsAnError() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        register.close();
        register = register("http://127.0.0.1:" + closedPort + FakeSirene.CONTEXT, 100, READ_TIMEOUT);

        assertThat(register.lookup(ACTIVE)).isEqualTo(new Unavailable(Reason.ERROR));
    }

    @Test
    void failuresAreLoggedAsWarningsWithoutTheKey() {
        var logger = (Logger) LoggerFactory.getLogger(SireneClient.class);
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        logger.addAppender(logged);
        try {
            sirene.answer(REFUSED, 403, "key-refused-403.json");
            for (String siret : new String[] {BUSY, REFUSED, FAILING, MAINTENANCE}) {
                clock.advance(Duration.ofMinutes(11));
                register.lookup(siret);
            }
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).hasSize(4).allSatisfy(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).doesNotContain("test-key");
        });
    }

    @Test
    void withoutAClientTheLookUpIsOffAndAsksNothing() {
        var off = new CompanyRegister(null, clock, Duration.ofMinutes(10), 100);

        assertThat(off.enabled()).isFalse();
        assertThat(off.lookup(ACTIVE)).isEqualTo(new Unavailable(Reason.OFF));
        assertThat(off.lookup(ACTIVE).statusKey()).isEqualTo("sirene.status.off");
        assertThat(sirene.requests()).isEmpty();
    }
}
