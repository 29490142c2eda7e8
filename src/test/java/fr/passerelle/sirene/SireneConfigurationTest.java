package fr.passerelle.sirene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.passerelle.sirene.SiretLookup.Reason;
import fr.passerelle.sirene.SiretLookup.Unavailable;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@link CompanyRegister} bean as the settings make it, without the rest of the application. */
class SireneConfigurationTest {

    private final FakeSirene sirene = new FakeSirene().answer(CompanyRegisterTest.ACTIVE, 200, "active-company.json");
    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(SireneConfiguration.class);

    @AfterEach
    void stop() {
        sirene.close();
    }

    @Test
    void withAKeyTheRegisterAsksTheConfiguredAddressWithThatKey() {
        context.withPropertyValues("passerelle.sirene.base-url=" + sirene.baseUrl(), "passerelle.sirene.api-key=configured-key")
                .run(started -> {
                    CompanyRegister register = started.getBean(CompanyRegister.class);
                    assertThat(register.enabled()).isTrue();
                    assertThat(register.lookup(CompanyRegisterTest.ACTIVE)).isInstanceOf(SiretLookup.Found.class);
                });

        assertThat(sirene.requests()).singleElement().extracting(FakeSirene.Request::key).isEqualTo("configured-key");
    }

    @Test
    void withABlankKeyTheLookUpIsOffAndNothingIsAsked() {
        context.withPropertyValues("passerelle.sirene.base-url=" + sirene.baseUrl(), "passerelle.sirene.api-key=  ")
                .run(started -> {
                    CompanyRegister register = started.getBean(CompanyRegister.class);
                    assertThat(register.enabled()).isFalse();
                    assertThat(register.lookup(CompanyRegisterTest.ACTIVE)).isEqualTo(new Unavailable(Reason.OFF));
                });

        assertThat(sirene.requests()).isEmpty();
    }

    @Test
    void theApplicationPropertiesPointAtInseeWithTheTimeoutsAndNoKey() {
        assumeTrue(System.getenv("PASSERELLE_SIRENE_URL") == null && System.getenv("PASSERELLE_SIRENE_API_KEY") == null,
                "the Sirene environment variables are set on this machine");
        context.withInitializer(new ConfigDataApplicationContextInitializer()).run(started -> {
            SireneSettings settings = started.getBean(SireneSettings.class);
            assertThat(settings.baseUrl()).isEqualTo("https://api.insee.fr/api-sirene/3.11");
            assertThat(settings.apiKey()).isEmpty();
            assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.cacheDuration()).isEqualTo(Duration.ofMinutes(10));
            assertThat(started.getBean(CompanyRegister.class).enabled()).isFalse();
        });
    }
}
