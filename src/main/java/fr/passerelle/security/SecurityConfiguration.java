package fr.passerelle.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import fr.passerelle.base.WebSecurityExtension;
import fr.passerelle.security.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff sign in with a form; every route is denied unless a view says otherwise (Vaadin's
 * configurer does that for views, and only the health and info endpoints are open besides). Web
 * only: the command line has no HTTP (method security, which services rely on, is in
 * {@link MethodSecurityConfiguration}). Other modules add to the chain through {@link WebSecurityExtension}
 * beans (the portal's sign-in by e-mailed link), applied after Vaadin's configurer is registered so that its
 * entry point (the staff login page) stays the default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<WebSecurityExtension> extensions) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/management/health", "/management/health/**", "/management/info").permitAll()
                .requestMatchers("/management/**").hasRole("ADMIN")
                .requestMatchers("/styles/**", "/images/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        for (WebSecurityExtension extension : extensions.orderedStream().toList()) {
            extension.configure(http);
        }
        return http.build();
    }
}
