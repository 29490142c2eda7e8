package fr.passerelle.sirene;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Sirene look-up ({@code passerelle.sirene.*}).
 *
 * @param baseUrl        the API's address, up to its version ({@code https://api.insee.fr/api-sirene/3.11})
 * @param apiKey         the key of an application subscribed to the API on portail-api.insee.fr; blank turns the look-up off
 * @param connectTimeout how long to wait for INSEE to accept the connection
 * @param readTimeout    how long to wait for its answer
 * @param cacheDuration  how long an answer is reused for the same SIRET (someone typing, a queue re-rendered)
 * @param cacheSize      how many SIRETs the cache keeps at most
 */
@ConfigurationProperties("passerelle.sirene")
record SireneSettings(@DefaultValue(DEFAULT_BASE_URL) String baseUrl, @DefaultValue("") String apiKey,
                      @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
                      @DefaultValue("10m") Duration cacheDuration, @DefaultValue("1000") int cacheSize) {

    static final String DEFAULT_BASE_URL = "https://api.insee.fr/api-sirene/3.11";

    SireneSettings {
        // An environment variable set to nothing must not leave the client without an address.
        baseUrl = baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
        apiKey = apiKey.strip();
    }

    boolean enabled() {
        return !apiKey.isEmpty();
    }
}
