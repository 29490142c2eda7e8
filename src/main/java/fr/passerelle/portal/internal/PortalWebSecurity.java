package fr.passerelle.portal.internal;

import fr.passerelle.base.WebSecurityExtension;
import fr.passerelle.portal.CompanyAccountService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The portal's part of the security chain: company users sign in with Spring Security's one-time-token login, whose
 * tokens come from {@link SignInLinks} only (the filter's own token endpoint generates nothing), are checked against
 * company accounts only ({@link CompanySignInUsers}), and are posted with the CSRF token by the link page. A visitor
 * who opens a protected portal page unsigned is sent to the portal's sign-in page, not the staff one.
 */
@Component
@ConditionalOnWebApplication
class PortalWebSecurity implements WebSecurityExtension {

    static final String SIGN_IN_PAGE = "/portail/connexion";
    static final String SPACE = "/portail/espace";
    static final String LINK_REFUSED = SIGN_IN_PAGE + "?lien=invalide";

    private final OneTimeTokenService tokens;
    private final CompanySignInUsers users;
    private final CompanyAccountService accounts;

    PortalWebSecurity(OneTimeTokenService tokens, CompanySignInUsers users, CompanyAccountService accounts) {
        this.tokens = tokens;
        this.users = users;
        this.accounts = accounts;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        var portalPages = PathPatternRequestMatcher.withDefaults().matcher("/portail/**");
        http.exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE), portalPages));
        var success = new SimpleUrlAuthenticationSuccessHandler(SPACE) {
            @Override
            public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request,
                                                jakarta.servlet.http.HttpServletResponse response,
                                                org.springframework.security.core.Authentication authentication)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                if (authentication.getPrincipal() instanceof CompanyUserDetails user) {
                    accounts.recordSignIn(user.signedInUser().id());
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }

            @Override
            protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
                                                jakarta.servlet.http.HttpServletResponse response) {
                // Back to the page of the space asked for before signing in (a reminder's extension link), if any.
                return SpaceReturn.take(request).orElse(SPACE);
            }
        };
        success.setAlwaysUseDefaultTargetUrl(true);
        http.oneTimeTokenLogin(ott -> ott
                .tokenService(tokens)
                .authenticationProvider(new OneTimeTokenAuthenticationProvider(tokens, users::load))
                .loginPage(SIGN_IN_PAGE)
                .loginProcessingUrl(SignInLinks.PROCESSING_URL)
                .showDefaultSubmitPage(false)
                // Links are asked for on the sign-in page only (checks, rate limits, same answer for unknown
                // addresses): the filter's own endpoint resolves no request, so it never generates a token.
                .generateRequestResolver(request -> null)
                .tokenGenerationSuccessHandler((request, response, token) -> response.sendError(404))
                .authenticationSuccessHandler(success)
                .authenticationFailureHandler(new SimpleUrlAuthenticationFailureHandler(LINK_REFUSED)));
    }
}
