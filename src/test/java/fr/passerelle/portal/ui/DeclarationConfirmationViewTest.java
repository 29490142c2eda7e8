package fr.passerelle.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import fr.passerelle.KaribuTest;
import fr.passerelle.base.PublicAddress;
import fr.passerelle.offer.OfferDraft;
import fr.passerelle.portal.DeclarationFixtures;
import fr.passerelle.portal.PortalFixtures;
import fr.passerelle.portal.internal.DeclarationLink;
import fr.passerelle.portal.internal.DeclarationRequest;
import fr.passerelle.portal.internal.Declarations;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The confirmation link's page: a click confirms once, then says what happens next; used or expired links say so. */
class DeclarationConfirmationViewTest extends KaribuTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+jeton=[A-Za-z0-9_-]+");

    @Autowired
    Declarations declarations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail smtpServer;
    @Autowired
    PublicAddress publicAddress;

    @Test
    void openingTheLinkDoesNothingUntilTheButtonIsPressedThenTheOfferWaitsForAReferent() {
        String email = PortalFixtures.uniqueEmail();
        String token = declare(DeclarationFixtures.validRequest(email));

        open(token);
        assertThat(_get(H1.class).getText()).isEqualTo("Confirmer votre déclaration");
        assertThat(offerId(email)).as("a link scanner opening the page confirms nothing").isEmpty();

        _click(_get(Button.class, spec -> spec.withText("Confirmer ma déclaration")));

        assertThat(_get(H1.class).getText()).isEqualTo("Merci, votre déclaration est transmise");
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref)).contains("portail/connexion");
        long offerId = offerId(email).orElseThrow();
        Map<String, Object> offer = jdbc.sql("select status, source, title, disp_code from offer where id = :id").param("id", offerId)
                .query().singleRow();
        assertThat(offer).containsEntry("status", "PENDING_VALIDATION").containsEntry("source", "PORTAL")
                .containsEntry("title", DeclarationFixtures.OFFER_TITLE).containsEntry("disp_code", "DISP DIJON");
    }

    @Test
    void aLinkIsUsedOnceEvenFromTwoOpenPages() {
        String email = PortalFixtures.uniqueEmail();
        String token = declare(DeclarationFixtures.validRequest(email));
        open(token);

        // Meanwhile, the same link confirmed in another tab.
        assertThat(declarations.confirm(token)).isEqualTo(DeclarationLink.JUST_CONFIRMED);
        _click(_get(Button.class, spec -> spec.withText("Confirmer ma déclaration")));

        assertThat(_get(H1.class).getText()).isEqualTo("Déclaration déjà confirmée");
        assertThat(jdbc.sql("select count(*) from offer o join portal_declaration d on d.offer_id = o.id where d.email = :email")
                .param("email", email).query(Long.class).single()).isEqualTo(1);

        open(token);
        assertThat(_get(H1.class).getText()).isEqualTo("Déclaration déjà confirmée");
        assertThat(_find(Button.class)).isEmpty();
    }

    @Test
    void anExpiredLinkSaysSoAndOffersToDeclareAgain() {
        String email = PortalFixtures.uniqueEmail();
        String token = declare(DeclarationFixtures.validRequest(email));
        jdbc.sql("update portal_declaration set created_at = created_at - interval '49 hours', expires_at = expires_at - interval '49 hours'"
                + " where email = :email").param("email", email).update();

        open(token);

        assertThat(_get(H1.class).getText()).isEqualTo("Ce lien ne peut pas servir");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).anyMatch(text -> text.startsWith("Ce lien de confirmation a expiré"));
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref)).contains("portail/declarer");
        assertThat(_find(Button.class)).isEmpty();
        assertThat(declarations.confirm(token)).isEqualTo(DeclarationLink.EXPIRED);
        assertThat(offerId(email)).isEmpty();
    }

    @Test
    void anUnknownOrMalformedLinkSaysItIsNotValid() {
        for (String token : List.of("inconnu", "x".repeat(200))) {
            open(token);
            assertThat(_get(H1.class).getText()).isEqualTo("Ce lien ne peut pas servir");
            assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                    .anyMatch(text -> text.startsWith("Ce lien de confirmation n’est pas valable"));
        }
    }

    @Test
    void theConfirmationMailArrivesInFrenchWithALinkOnThePublicAddressThatConfirms() throws Exception {
        String email = PortalFixtures.uniqueEmail();
        DeclarationRequest request = DeclarationFixtures.validRequest(email);
        OfferDraft offer = request.offer();
        var withMarkup = new OfferDraft(0, offer.type(), offer.romeCode(), "Soudeur <b>TIG</b>", offer.description(), offer.positions(),
                offer.contractType(), offer.hoursPerWeek(), offer.commune(), offer.departmentCode(), offer.establishmentIds(),
                offer.startDate(), offer.endDate(), null);
        declarations.submit(new DeclarationRequest(request.siret(), request.legalName(), request.street(), request.postcode(),
                request.companyCommune(), request.nafCode(), request.workforceBracketCode(), request.firstName(), request.lastName(),
                request.jobTitle(), email, request.phone(), withMarkup, true, null), DeclarationFixtures.uniqueClientAddress(), Locale.FRANCE);

        MimeMessage received = awaitMessageTo(email);
        assertThat(received.getSubject()).isEqualTo("Confirmez votre intention d’embauche sur Passerelle");
        List<String> parts = new ArrayList<>();
        collectTexts(received, parts);
        String text = parts.stream().filter(part -> !part.contains("<html")).findFirst().orElseThrow();
        String html = parts.stream().filter(part -> part.contains("<html")).findFirst().orElseThrow();
        assertThat(text).contains("« Soudeur <b>TIG</b> »").contains("valable 48 heures");
        assertThat(html).contains("Soudeur &lt;b&gt;TIG&lt;/b&gt;").doesNotContain("<b>TIG");

        Matcher link = LINK.matcher(text);
        assertThat(link.find()).isTrue();
        assertThat(link.group()).startsWith(publicAddress.base() + "/portail/declarer/confirmer?jeton=");
        URI uri = URI.create(link.group());
        UI.getCurrent().navigate(uri.getPath().substring(1), QueryParameters.fromString(uri.getRawQuery()));
        _click(_get(Button.class, spec -> spec.withText("Confirmer ma déclaration")));

        assertThat(_get(H1.class).getText()).isEqualTo("Merci, votre déclaration est transmise");
        assertThat(offerId(email)).isPresent();
    }

    private String declare(DeclarationRequest request) {
        declarations.submit(request, DeclarationFixtures.uniqueClientAddress(), Locale.FRANCE);
        return DeclarationFixtures.tokenIn(jdbc.sql("select body_text from mail_outbox where :email = any(recipients)")
                .param("email", request.email()).query(String.class).single());
    }

    private static void open(String token) {
        UI.getCurrent().navigate("portail/declarer/confirmer", QueryParameters.of(Declarations.TOKEN_PARAMETER, token));
    }

    private Optional<Long> offerId(String email) {
        return jdbc.sql("select offer_id from portal_declaration where email = :email").param("email", email)
                .query(Long.class).optional();
    }

    private MimeMessage awaitMessageTo(String address) throws Exception {
        for (int i = 0; i < 100; i++) {
            Optional<MimeMessage> found = Arrays.stream(smtpServer.getReceivedMessages()).filter(m -> recipientIs(m, address)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + address);
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectTexts(Part part, List<String> texts) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectTexts(child, texts);
            }
        } else if (part.isMimeType("text/*")) {
            texts.add(part.getContent().toString());
        }
    }
}
