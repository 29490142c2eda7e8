package fr.passerelle.sirene;

import fr.passerelle.sirene.internal.SireneClient;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link CompanyRegister} from the settings: with a client when a key is set, without one otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SireneSettings.class)
class SireneConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SireneConfiguration.class);

    @Bean(destroyMethod = "close")
    CompanyRegister companyRegister(SireneSettings settings, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemDefaultZone);
        if (!settings.enabled()) {
            log.info("Sirene look-up is off: no API key (PASSERELLE_SIRENE_API_KEY)");
            return new CompanyRegister(null, time, settings.cacheDuration(), settings.cacheSize());
        }
        var client = new SireneClient(URI.create(settings.baseUrl()), settings.apiKey(), settings.connectTimeout(),
                settings.readTimeout(), time);
        log.info("Sirene look-up on {}", settings.baseUrl());
        return new CompanyRegister(client, time, settings.cacheDuration(), settings.cacheSize());
    }
}
