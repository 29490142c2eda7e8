package fr.passerelle.portal.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;

/**
 * Sign-in tokens in the database ({@code one_time_tokens}, V14), so that a link asked for on one instance works on
 * any other; a token is deleted when used (an update count of one is required, so a second use fails everywhere),
 * and expired ones are removed hourly by the service itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PortalTokenConfiguration {

    @Bean
    JdbcOneTimeTokenService oneTimeTokenService(JdbcTemplate jdbc) {
        return new JdbcOneTimeTokenService(jdbc);
    }
}
