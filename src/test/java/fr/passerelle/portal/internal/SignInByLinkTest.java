package fr.passerelle.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import fr.passerelle.IntegrationTest;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.ContactService;
import fr.passerelle.portal.CompanyAccountService;
import fr.passerelle.portal.PortalFixtures;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * The whole sign-in by e-mailed link, through the real security filter chain: the mail arrives on the in-process
 * SMTP server with a link on the public address, and the token in it signs the company user in once.
 */
@TestPropertySource(properties = "passerelle.public-url=https://passerelle.example.fr")
class SignInByLinkTest extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+/portail/connexion/lien\\?jeton=([0-9a-f-]{36}))");

    @Autowired
    WebApplicationContext context;
    @Autowired
    SignInLinks links;
    @Autowired
    OneTimeTokenService tokens;
    @Autowired
    GreenMail smtpServer;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    CompanyAccountService accounts;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theMailedLinkIsOnThePublicAddressAndSignsTheCompanyUserInOnce() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        var created = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Réseaux d’Eau de Bourgogne", email);

        links.request(email, "198.51.100.7", Locale.FRENCH);

        MimeMessage mail = awaitMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Votre lien de connexion à Passerelle");
        String body = GreenMailUtil.getBody(mail);
        Matcher link = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group(1)).startsWith("https://passerelle.example.fr/portail/connexion/lien?jeton=");
        String token = link.group(2);

        var session = new MockHttpSession();
        session.setMaxInactiveInterval(15 * 60);
        mvc.perform(post("/portail/connexion/jeton").param("token", token).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/portail/espace"));
        SecurityContext signedIn = (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(signedIn).isNotNull();
        SignedInUser user = ((SignedInUser.Source) signedIn.getAuthentication().getPrincipal()).signedInUser();
        assertThat(user.role()).isEqualTo(Role.COMPANY);
        assertThat(user.companyId()).isEqualTo(created.company().id());
        assertThat(signedIn.getAuthentication().getAuthorities()).extracting(Object::toString).contains("ROLE_COMPANY");
        assertThat(session.getMaxInactiveInterval()).as("signed in: the usual 8 hours").isEqualTo(8 * 3600);
        assertThat(accounts.find(created.account().id()).orElseThrow().lastSignInAt()).isNotNull();

        mvc.perform(post("/portail/connexion/jeton").param("token", token).with(csrf()))
                .andExpect(redirectedUrl("/portail/connexion?lien=invalide"));
    }

    @Test
    void theTokenIsRefusedWithoutTheCsrfToken() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        PortalFixtures.companyWithAccount(companies, contacts, accounts, "Voies Ferrées du Jura", email);
        String token = tokens.generate(new GenerateOneTimeTokenRequest(email, Duration.ofMinutes(15))).getTokenValue();

        mvc.perform(post("/portail/connexion/jeton").param("token", token)).andExpect(status().isForbidden());
    }

    @Test
    void aStaffUsernameCannotSignInByLinkNorACompanyAddressOnTheStaffForm() throws Exception {
        String adminToken = tokens.generate(new GenerateOneTimeTokenRequest("admin", Duration.ofMinutes(15))).getTokenValue();
        mvc.perform(post("/portail/connexion/jeton").param("token", adminToken).with(csrf()))
                .andExpect(redirectedUrl("/portail/connexion?lien=invalide"));

        String email = PortalFixtures.uniqueEmail();
        PortalFixtures.companyWithAccount(companies, contacts, accounts, "Isolation Chalonnaise", email);
        mvc.perform(post("/login").param("username", email).param("password", "")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", email).param("password", "passerelle-demo")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void staffStillSignInWithTheFormAndGetEightHours() throws Exception {
        var session = new MockHttpSession();
        session.setMaxInactiveInterval(15 * 60);
        mvc.perform(post("/login").param("username", "referent").param("password", "passerelle-demo").session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error"));
        SecurityContext signedIn = (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(((SignedInUser.Source) signedIn.getAuthentication().getPrincipal()).signedInUser().role()).isEqualTo(Role.REFERENT);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(8 * 3600);
    }

    @Test
    void aDisabledAccountGetsNoLinkAndItsLinksStopWorking() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        var created = PortalFixtures.companyWithAccount(companies, contacts, accounts, "Menuiserie Dolois", email);
        String token = tokens.generate(new GenerateOneTimeTokenRequest(email, Duration.ofMinutes(15))).getTokenValue();
        accounts.setEnabled(created.account().id(), false);

        mvc.perform(post("/portail/connexion/jeton").param("token", token).with(csrf()))
                .andExpect(redirectedUrl("/portail/connexion?lien=invalide"));
        links.request(email, "198.51.100.8", Locale.FRENCH);
        Thread.sleep(300);
        assertThat(mailsTo(email)).isZero();
    }

    @Test
    void theTokenEndpointOfTheFilterGeneratesNothingAndProtectedPortalPagesSendToThePortalSignIn() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        PortalFixtures.companyWithAccount(companies, contacts, accounts, "Charpentes de Nevers", email);
        mvc.perform(post("/ott/generate").param("username", email).with(csrf()));
        assertThat(jdbc.sql("select count(*) from one_time_tokens where username = :u").param("u", email).query(Long.class).single())
                .as("no token generated outside the sign-in page").isZero();
        mvc.perform(get("/portail/espace").accept("text/html")).andExpect(redirectedUrl("/portail/connexion"));
        mvc.perform(get("/management/env").accept("text/html")).andExpect(redirectedUrl("/login"));
    }

    private MimeMessage awaitMailTo(String email) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            var found = Arrays.stream(smtpServer.getReceivedMessages()).filter(m -> isTo(m, email)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail to " + email);
    }

    private long mailsTo(String email) {
        return Arrays.stream(smtpServer.getReceivedMessages()).filter(m -> isTo(m, email)).count();
    }

    private static boolean isTo(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
