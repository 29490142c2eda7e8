package fr.passerelle.optout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import fr.passerelle.IntegrationTest;
import fr.passerelle.optout.OptOutReason;
import fr.passerelle.optout.OptOuts;
import fr.passerelle.optout.UnsubscribeTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The RFC 8058 one-click POST through the real security filter chain: no session, no CSRF token. */
class OneClickUnsubscribeTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UnsubscribeTokens tokens;
    @Autowired
    OptOuts optOuts;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theOneClickPostUnsubscribesWithoutSessionNorCsrfTokenAndAgainAnswers200() throws Exception {
        String address = "un.clic." + System.nanoTime() + "@exemple.fr";
        String token = tokens.issue(address, 31);

        // A GET (a link scanner) goes on to the Vaadin page and changes nothing.
        MvcResult page = mvc.perform(get("/desinscription/" + token)).andReturn();
        assertThat(page.getResponse().getStatus()).isNotIn(405, 404, 401, 403);
        assertThat(optOuts.isOptedOut(address)).isFalse();

        MvcResult first = oneClick(token, "198.51.100.20").andExpect(status().isOk()).andReturn();
        assertThat(first.getResponse().getContentAsString()).isEqualTo("Désinscription enregistrée.\n");
        assertThat(first.getRequest().getSession(false)).as("no session is made").isNull();
        assertThat(optOuts.find(address).orElseThrow()).satisfies(o -> {
            assertThat(o.reason()).isEqualTo(OptOutReason.UNSUBSCRIBED);
            assertThat(o.source()).isEqualTo("campaign:31");
        });

        oneClick(token, "198.51.100.20").andExpect(status().isOk());
    }

    @Test
    void aForgedTokenGets400WithoutDetailAndTooManyGet429() throws Exception {
        String token = tokens.issue("victime." + System.nanoTime() + "@exemple.fr", 31);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        MvcResult refused = oneClick(forged, "203.0.113.66").andExpect(status().isBadRequest()).andReturn();
        assertThat(refused.getResponse().getContentAsString()).isEqualTo("Lien de désinscription invalide.\n");
        for (int i = 1; i < 20; i++) {
            oneClick(forged + i, "203.0.113.66").andExpect(status().isBadRequest());
        }
        oneClick(forged, "203.0.113.66").andExpect(status().isTooManyRequests());
        oneClick(forged, "203.0.113.67").andExpect(status().isBadRequest());
    }

    @Test
    void aPostWithoutTheOneClickBodyChangesNothing() throws Exception {
        String address = "sans.corps." + System.nanoTime() + "@exemple.fr";
        mvc.perform(post("/desinscription/" + tokens.issue(address, 2)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("autre=chose")).andExpect(status().isBadRequest());
        assertThat(optOuts.isOptedOut(address)).isFalse();
    }

    @Test
    void otherPostsStillNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/portail/connexion/jeton").param("token", "x")).andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions oneClick(String token, String client) throws Exception {
        return mvc.perform(post("/desinscription/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click").with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }));
    }
}
