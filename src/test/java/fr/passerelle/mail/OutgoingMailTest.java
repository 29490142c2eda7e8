package fr.passerelle.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header fields a mail may add are checked once, and every copy of the mail keeps them as they were. */
class OutgoingMailTest {

    @Test
    void aCopyKeepsTheCheckedHeadersInTheirOrderAndReadOnly() {
        var mail = OutgoingMail.text("camille@exemple.fr", "Sujet", "Texte")
                .withHeader("List-Unsubscribe", "<https://passerelle.example/desinscription/t1>")
                .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var copy = mail.withTo("dominique@exemple.fr").withHtml("<p>Texte</p>");

        assertThat(copy.headers()).containsExactly(Map.entry("List-Unsubscribe", "<https://passerelle.example/desinscription/t1>"),
                Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assertThat(copy.headers()).isEqualTo(Map.of("List-Unsubscribe", "<https://passerelle.example/desinscription/t1>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assertThat(copy.to()).containsExactly("dominique@exemple.fr");
        assertThat(mail.withTo("camille@exemple.fr")).isEqualTo(mail);
        assertThatThrownBy(() -> copy.headers().put("X-Autre", "1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void headersAMailIsMadeOfOrThatBreakALineAreRefusedWhateverTheirCase() {
        for (String name : List.of("Subject", "content-type", "CONTENT-Disposition", "Message-ID", "X Espace", "")) {
            assertThatThrownBy(() -> OutgoingMail.text("camille@exemple.fr", "Sujet", "Texte").withHeader(name, "valeur"))
                    .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a header");
        }
        for (String value : List.of("deux\r\nlignes", "deux\nlignes", "   ")) {
            assertThatThrownBy(() -> OutgoingMail.text("camille@exemple.fr", "Sujet", "Texte").withHeader("X-Essai", value))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        }
        // A map handed to the constructor is checked too, and copied: changing it afterwards changes nothing.
        var given = new LinkedHashMap<String, String>();
        given.put("X-Essai", "un");
        var mail = new OutgoingMail(List.of("camille@exemple.fr"), "Sujet", "Texte", null, null, given);
        given.put("X-Essai", "deux");
        assertThat(mail.headers()).containsExactly(Map.entry("X-Essai", "un"));
    }
}
