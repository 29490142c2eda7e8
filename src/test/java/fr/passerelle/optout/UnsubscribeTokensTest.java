package fr.passerelle.optout;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "passerelle.public-url=https://passerelle.example.fr")
class UnsubscribeTokensTest extends IntegrationTest {

    @Autowired
    UnsubscribeTokens tokens;

    @Test
    void aTokenIsUrlSafeAndReadsBackAsTheNormalisedAddressAndTheCampaign() {
        String token = tokens.issue("  Marie.Dupont+news@Exemple.FR ", 42);

        assertThat(token).matches("[A-Za-z0-9_.-]+");
        assertThat(UnsubscribeTokens.TOKEN_IN_TEXT.matcher("desinscription " + token).find()).isTrue();
        assertThat(tokens.read(token)).contains(new UnsubscribeToken("marie.dupont+news@exemple.fr", 42));
        assertThat(tokens.read(token).orElseThrow().source()).isEqualTo("campaign:42");
        assertThat(tokens.issue("marie.dupont+news@exemple.fr", 42)).as("same address and campaign, same token").isEqualTo(token);
        assertThat(tokens.issue("marie.dupont+news@exemple.fr", 43)).isNotEqualTo(token);
    }

    @Test
    void anAlteredOrForgedTokenIsRefused() {
        String token = tokens.issue("paul@exemple.fr", 7);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);

        // Someone else's address, or another campaign, with the original signature.
        String otherAddress = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1\n7\npierre@exemple.fr".getBytes(StandardCharsets.UTF_8));
        String otherCampaign = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1\n8\npaul@exemple.fr".getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.read(otherAddress + "." + signature)).isEmpty();
        assertThat(tokens.read(otherCampaign + "." + signature)).isEmpty();
        // One character of the signature changed.
        char last = signature.charAt(signature.length() - 1);
        assertThat(tokens.read(payload + "." + signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        // Every spelling of the last character, even one that decodes to the same bytes.
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            if (c != last) {
                assertThat(tokens.read(payload + "." + signature.substring(0, signature.length() - 1) + c)).isEmpty();
            }
        }
        // Truncated, without signature, garbage, too long.
        assertThat(tokens.read(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(tokens.read(payload)).isEmpty();
        assertThat(tokens.read(payload + ".")).isEmpty();
        assertThat(tokens.read("not a token")).isEmpty();
        assertThat(tokens.read("")).isEmpty();
        assertThat(tokens.read("a".repeat(800) + "." + signature)).isEmpty();
        assertThat(tokens.read(token)).isPresent();
    }

    @Test
    void theHeadersCarryTheHttpsLinkOnThePublicAddressTheMailtoAndTheOneClickMarker() {
        UnsubscribeHeaders headers = tokens.headers("Paul@Exemple.fr", 12);
        String token = tokens.issue("paul@exemple.fr", 12);

        assertThat(headers.page()).hasToString("https://passerelle.example.fr/desinscription/" + token);
        assertThat(headers.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(headers.listUnsubscribe()).startsWith("<https://passerelle.example.fr/desinscription/" + token + ">, <mailto:");
        String mailto = headers.listUnsubscribe().substring(headers.listUnsubscribe().indexOf("<mailto:") + 8,
                headers.listUnsubscribe().length() - 1);
        assertThat(mailto).startsWith("ne-pas-repondre@passerelle.local?subject=").doesNotContain(" ");
        assertThat(URLDecoder.decode(mailto.substring(mailto.indexOf("subject=") + 8), StandardCharsets.UTF_8))
                .isEqualTo("desinscription " + token);
        assertThat(headers.asMap()).containsOnlyKeys("List-Unsubscribe", "List-Unsubscribe-Post");
    }
}
