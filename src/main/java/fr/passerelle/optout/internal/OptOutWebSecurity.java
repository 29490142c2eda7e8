package fr.passerelle.optout.internal;

import fr.passerelle.base.WebSecurityExtension;
import fr.passerelle.optout.UnsubscribeTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Opens the one-click unsubscribe to anyone, without a CSRF token, as RFC 8058 requires: the POST comes from a mail
 * program that holds no session, and the signed token in the path is its only credential. Only that POST: the page at
 * the same path is a Vaadin view (anonymous allowed) with Vaadin's own protections.
 */
@Component
@ConditionalOnWebApplication
class OptOutWebSecurity implements WebSecurityExtension {

    @Override
    public void configure(HttpSecurity http) throws Exception {
        var oneClick = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/" + UnsubscribeTokens.PATH + "/*");
        http.authorizeHttpRequests(requests -> requests.requestMatchers(oneClick).permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers(oneClick));
    }
}
