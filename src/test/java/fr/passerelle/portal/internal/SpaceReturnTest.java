package fr.passerelle.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import fr.passerelle.IntegrationTest;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.ContactService;
import fr.passerelle.portal.CompanyAccountService;
import fr.passerelle.portal.PortalFixtures;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** After signing in by link, a company user is back on the page of their space they asked for, and never elsewhere. */
class SpaceReturnTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    OneTimeTokenService tokens;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    CompanyAccountService accounts;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theExtensionLinkOfAReminderLeadsToSignInAndBackToItAfterwards() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        PortalFixtures.companyWithAccount(companies, contacts, accounts, "Scierie de Saulieu", email);
        var session = new MockHttpSession();

        mvc.perform(get("/portail/espace/offres/42/prolonger").accept("text/html").session(session))
                .andExpect(redirectedUrl("/portail/connexion"));
        signInByLink(email, session, "/portail/espace/offres/42/prolonger");

        var later = new MockHttpSession();
        signInByLink(email, later, "/portail/espace");
    }

    @Test
    void aPageTheRouterWasAskedForIsReturnedToButNothingOutsideTheSpace() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        PortalFixtures.companyWithAccount(companies, contacts, accounts, "Tuilerie de Montchanin", email);

        var session = new MockHttpSession();
        SpaceReturn.remember(session, "portail/espace/offres/7/prolonger");
        signInByLink(email, session, "/portail/espace/offres/7/prolonger");

        for (String elsewhere : new String[] {"//evil.example/portail/espace", "https://evil.example/portail/espace",
                "/portail/espace/../../entreprises", "/portail/espace/offres/7/prolonger?x=1", "/portail/declarer",
                "/portail/espacex", "/portail/espace/%2e%2e/login", "/portail/espace\\evil"}) {
            var tricked = new MockHttpSession();
            tricked.setAttribute(SpaceReturn.ATTRIBUTE, elsewhere);
            signInByLink(email, tricked, "/portail/espace");
        }
    }

    @Test
    void onlyPlainPathsOfTheSpaceAreSafe() {
        assertThat(SpaceReturn.safe("portail/espace")).contains("/portail/espace");
        assertThat(SpaceReturn.safe("/portail/espace/offres/12/prolonger")).contains("/portail/espace/offres/12/prolonger");
        for (String unsafe : new String[] {"", "/", "/portail", "//portail/espace", "/portail/espace/", "/portail/espace/a b",
                "/portail/espace/..", "/portail/espace/a/../../login", "/portail/espace?continue=//evil", "/portail/espace#x",
                "http://evil/portail/espace", "/entreprises"}) {
            assertThat(SpaceReturn.safe(unsafe)).as(unsafe).isEmpty();
        }
    }

    private void signInByLink(String email, MockHttpSession session, String expectedTarget) throws Exception {
        String token = tokens.generate(new GenerateOneTimeTokenRequest(email, Duration.ofMinutes(15))).getTokenValue();
        mvc.perform(post("/portail/connexion/jeton").param("token", token).session(session).with(csrf()))
                .andExpect(redirectedUrl(expectedTarget));
    }
}
