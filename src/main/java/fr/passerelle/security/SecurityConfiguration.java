package fr.passerelle.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import fr.passerelle.security.ui.LoginView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff sign in with a form; every route is denied unless a view says otherwise (Vaadin's
 * configurer does that for views, and only the health and info endpoints are open besides). Web
 * only: the command line has no HTTP (method security, which services rely on, is in
 * {@link MethodSecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/management/health", "/management/health/**", "/management/info").permitAll()
                .requestMatchers("/management/**").hasRole("ADMIN")
                .requestMatchers("/styles/**", "/images/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }
}
