package fr.passerelle.campaign;

import static fr.passerelle.workshop.WorkshopFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.PublicAddress;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.optout.UnsubscribeToken;
import fr.passerelle.optout.UnsubscribeTokens;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Templates rendered for real contacts: the opt-out link is the contact's own signed link, in the footer always. */
class TemplateServiceTest extends IntegrationTest {

    @Autowired
    TemplateService templates;
    @Autowired
    UnsubscribeTokens tokens;
    @Autowired
    PublicAddress publicAddress;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void thePreviewCarriesTheContactsOwnUnsubscribeLinkInTheFooterAndWhereTheAuthorPutIt() {
        var fixtures = new OfferFixtures(jdbc, users);
        fixtures.signIn("communication");
        String address = "camille." + token() + "@Exemple.fr";
        long contact = contact(fixtures.company("Menuiserie " + token(), "21"), address);

        TemplatePreview preview = templates.preview(new TemplateContent("Bonjour {{contact.firstName}}",
                "<p>Pour ne plus rien recevoir : <a href=\"{{unsubscribe.link}}\">ici</a></p>", null), contact);

        String link = unsubscribeLink(preview.message().text());
        assertThat(link).startsWith(publicAddress.link(UnsubscribeTokens.PATH + "/").toString());
        assertThat(tokens.read(link.substring(link.lastIndexOf('/') + 1))).as("a real token, for the contact's address")
                .contains(new UnsubscribeToken(address.toLowerCase(), TemplateService.PREVIEW_CAMPAIGN));
        assertThat(preview.message().html()).contains("href=\"" + link + "\">ici</a>", "Ne plus recevoir nos messages");
        assertThat(count(preview.message().html(), link)).as("the author's link and the footer's").isEqualTo(3);
    }

    @Test
    void aCampaignsMessageNamesItsCampaignAndTheFooterStaysWhenTheAuthorLeftTheLinkOut() {
        var fixtures = new OfferFixtures(jdbc, users);
        fixtures.signIn("communication");
        String address = "dominique." + token() + "@exemple.fr";
        long contact = contact(fixtures.company("Logistique " + token(), "75"), address);

        MergeValues values = templates.values(contact, 42);

        assertThat(tokens.read(values.unsubscribeLink().substring(values.unsubscribeLink().lastIndexOf('/') + 1)))
                .contains(new UnsubscribeToken(address, 42));
        TemplatePreview preview = templates.preview(new TemplateContent("Offres", "<p>Bonjour {{contact.lastName}}</p>", null), contact);
        assertThat(unsubscribeLink(preview.message().text())).isNotBlank();
        assertThat(preview.message().html()).contains("Ne plus recevoir nos messages", "Message envoyé par");
    }

    private static String unsubscribeLink(String text) {
        Matcher footer = Pattern.compile("Ne plus recevoir nos messages : (\\S+)").matcher(text);
        assertThat(footer.find()).as("the text footer's link in %s", text).isTrue();
        return footer.group(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private long contact(long company, String email) {
        return jdbc.sql("insert into contact (company_id, first_name, last_name, email) values (:id, 'Camille', 'Roux', :email)"
                + " returning id").param("id", company).param("email", email).query(Long.class).single();
    }
}
