package fr.passerelle.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaughtMessageReaderTest {

    @Test
    void htmlBecomesReadableText() {
        assertThat(CaughtMessageReader.htmlToText("<h1>Titre</h1><div>Ligne 1</div><div>Ligne&nbsp;2 &amp; fin</div>"
                + "<script>alert(1)</script><table><tr><td>A</td><td>B</td></tr></table>"))
                .isEqualTo("Titre\n\nLigne 1\nLigne 2 & fin\nA B");
    }
}
