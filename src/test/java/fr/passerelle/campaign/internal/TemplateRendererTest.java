package fr.passerelle.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.base.Translations;
import fr.passerelle.campaign.MergeValues;
import fr.passerelle.campaign.RenderedMessage;
import fr.passerelle.campaign.SenderIdentity;
import fr.passerelle.campaign.TemplateContent;
import fr.passerelle.campaign.TemplateWarning;
import fr.passerelle.campaign.TemplateWarning.Kind;
import org.junit.jupiter.api.Test;

/** Rendering and checking templates, without Spring: escaping, refused tags, warnings, the footer. */
class TemplateRendererTest {

    private static final Translations TRANSLATIONS = new Translations();
    private final TemplateRenderer renderer = new TemplateRenderer(TRANSLATIONS,
            new SenderIdentity("Réseau Passerelle", "13 place Vendôme, 75001 Paris"));
    private final MergeValues camille = new MergeValues("Camille", "Roux", "Métallerie Dijonnaise", "Jeanne Référente",
            "https://passerelle.example.fr/portail/declarer", "https://passerelle.example.fr/desinscription/abc");

    @Test
    void mergeFieldsAreFilledInTheSubjectAndBothBodies() {
        RenderedMessage message = renderer.render(new TemplateContent("Bonjour {{contact.firstName}} !",
                "<p>Bonjour {{ contact.firstName }} {{contact.lastName}},</p><p>{{company.name}} peut recruter : "
                        + "<a href=\"{{portal.link}}\">déclarez un besoin</a>.</p><p>{{referent.name}}</p>", null), camille);

        assertThat(message.subject()).isEqualTo("Bonjour Camille !");
        assertThat(message.html()).contains("<p>Bonjour Camille Roux,</p>", "Métallerie Dijonnaise peut recruter",
                "<a href=\"https://passerelle.example.fr/portail/declarer\">déclarez un besoin</a>", "Jeanne Référente");
        assertThat(message.text()).startsWith("Bonjour Camille Roux,\n\nMétallerie Dijonnaise peut recruter : "
                + "déclarez un besoin (https://passerelle.example.fr/portail/declarer).\n\nJeanne Référente");
    }

    @Test
    void valuesAreEscapedSoThatAScriptInACompanyNameStaysText() {
        var hostile = new MergeValues("<script>alert('x')</script>", "O'Brien & fils", "\"><img src=x onerror=alert(1)>", null,
                "https://passerelle.example.fr/portail/declarer", "https://passerelle.example.fr/desinscription/abc");

        RenderedMessage message = renderer.render(new TemplateContent("Pour {{company.name}}",
                "<p>{{contact.firstName}} {{contact.lastName}}</p><p title=\"{{company.name}}\">x</p>", null), hostile);

        assertThat(message.html()).doesNotContain("<script", "<img", "onerror=\"")
                .contains("&lt;script&gt;alert(", "O'Brien &amp; fils");
        assertThat(message.subject()).as("a header is not HTML").isEqualTo("Pour \"><img src=x onerror=alert(1)>");
        assertThat(message.text()).contains("<script>alert('x')</script> O'Brien & fils");
    }

    @Test
    void markupTheAuthorWritesIsCleanedOfScripts() {
        RenderedMessage message = renderer.render(new TemplateContent("Objet",
                "<p onclick=\"steal()\">Bonjour</p><script>steal()</script><a href=\"javascript:steal()\">lien</a>", null), camille);

        assertThat(message.html()).contains("<p>Bonjour</p>").doesNotContain("steal()", "onclick", "javascript:");
    }

    @Test
    void sectionsPartialsUnescapedValuesAndCommentsAreRefusedAndNotRendered() {
        for (String tag : new String[] {"{{#contact}}x{{/contact}}", "{{^contact.firstName}}x{{/contact.firstName}}",
                "{{> footer}}", "{{{company.name}}}", "{{& company.name}}", "{{! note }}", "{{=<% %>=}}", "{{ company.name"}) {
            var content = new TemplateContent("Objet", "<p>" + tag + "</p>", null);

            assertThat(renderer.check(content)).as(tag).isNotEmpty().allSatisfy(warning -> {
                assertThat(warning.kind()).isEqualTo(Kind.REFUSED);
                assertThat(warning.part()).isEqualTo("htmlBody");
                assertThat(warning.message()).startsWith("Message (HTML) : ");
            });
            assertThatThrownBy(() -> renderer.render(content, camille)).as(tag).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(renderer.check(new TemplateContent("Objet", "<p>{{{company.name}}}</p>", null)).getFirst().message())
                .isEqualTo("Message (HTML) : « {{{company.name}}} » n’est pas permis : seuls les champs de fusion comme "
                        + "{{contact.firstName}} le sont (ni section, ni inclusion, ni valeur non échappée).");
    }

    @Test
    void unknownFieldsAreFlaggedInFrenchAndEmptyFieldsForTheChosenContact() {
        var content = new TemplateContent("Bonjour {{contact.prenom}}", "<p>{{referent.name}} et {{company.name}}</p>",
                "Bonjour {{contact.firstName}} {{offre.titre}}");
        var withoutReferent = new MergeValues("", "Roux", "Métallerie", " ", "https://p/portail", "https://p/desinscription/x");

        assertThat(renderer.check(content)).extracting(TemplateWarning::part, TemplateWarning::tag, TemplateWarning::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("subject", "contact.prenom", Kind.UNKNOWN_FIELD),
                        org.assertj.core.groups.Tuple.tuple("textBody", "offre.titre", Kind.UNKNOWN_FIELD));
        assertThat(renderer.check(content).getFirst().message())
                .isEqualTo("Objet : « {{contact.prenom}} » n’est pas un champ connu : il resterait vide.");
        assertThat(renderer.check(content, withoutReferent)).filteredOn(w -> w.kind() == Kind.EMPTY_FIELD)
                .extracting(TemplateWarning::tag, TemplateWarning::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("referent.name",
                                "Message (HTML) : « {{referent.name}} » est vide pour ce contact : il ne s’afficherait pas."),
                        org.assertj.core.groups.Tuple.tuple("contact.firstName",
                                "Version texte : « {{contact.firstName}} » est vide pour ce contact : il ne s’afficherait pas."));
        assertThat(renderer.render(content, withoutReferent).subject()).isEqualTo("Bonjour");
        assertThat(renderer.check(new TemplateContent("Objet", "<p>{{contact.firstName}}</p>", null), camille)).isEmpty();
    }

    @Test
    void theFooterWithTheSenderAndTheOptOutLinkIsAlwaysAddedToBothBodies() {
        for (String body : new String[] {"<p>Bonjour</p>", "<p>Sans lien de désinscription, {{unsubscribe.link}}</p>",
                "<div><footer>", "</body></html><p>après la fin</p>"}) {
            RenderedMessage message = renderer.render(new TemplateContent("Objet", body, "Bonjour"), camille);

            assertThat(message.html()).as(body).contains("Message envoyé par Réseau Passerelle, 13 place Vendôme, 75001 Paris.",
                    "<a href=\"https://passerelle.example.fr/desinscription/abc\">Ne plus recevoir nos messages</a>")
                    .endsWith("</div></body></html>");
            assertThat(message.text()).as(body).startsWith("Bonjour\n\n--\n")
                    .contains("Message envoyé par Réseau Passerelle, 13 place Vendôme, 75001 Paris.")
                    .endsWith("Ne plus recevoir nos messages : https://passerelle.example.fr/desinscription/abc\n");
        }
    }
}
