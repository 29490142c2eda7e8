package fr.passerelle.base;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A module's additions to the web security filter chain (the portal's sign-in by e-mailed link), so that the
 * security module builds one chain without naming the modules that extend it. The security configuration calls
 * every such bean after its own rules and Vaadin's configurer are registered, before the chain is built: rules added
 * here still come before Vaadin's catch-all rule, and an entry point registered here comes before Vaadin's.
 */
public interface WebSecurityExtension {

    void configure(HttpSecurity http) throws Exception;
}
