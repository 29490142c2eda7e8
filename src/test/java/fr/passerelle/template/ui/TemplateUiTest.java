package fr.passerelle.template.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static fr.passerelle.workshop.WorkshopFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import fr.passerelle.KaribuTest;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.security.ui.LoginView;
import fr.passerelle.template.TemplateContent;
import fr.passerelle.template.TemplateService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The template screens per role: communication writes and previews, a referent reads, anonymous is sent away. */
class TemplateUiTest extends KaribuTest {

    @Autowired
    TemplateService templates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        UI.getCurrent().navigate("campagnes/modeles");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void communicationWritesATemplateSeesItsWarningsAndPreviewsItForARealContact() {
        signIn("communication");
        String companyName = "Métallerie " + token();
        long company = new OfferFixtures(jdbc, users).company(companyName, "21");
        long contact = jdbc.sql("insert into contact (company_id, first_name, last_name, email) values (:id, 'Camille', 'Roux', :email)"
                + " returning id").param("id", company).param("email", token() + "@exemple.fr").query(Long.class).single();
        UI.getCurrent().navigate("campagnes/modeles/nouveau");
        var editor = (TemplateEditorView) UI.getCurrent().getCurrentView();

        editor.name.setValue("Invitation " + token());
        editor.subject.setValue("Bonjour {{contact.firstName}}");
        editor.htmlBody.setValue("<p>{{company.name}} peut recruter : <a href=\"{{portal.link}}\">déclarez</a>. {{offre.titre}}</p>"
                + "<p>{{referent.name}}</p>");
        assertThat(warnings(editor)).containsExactly("Message (HTML) : « {{offre.titre}} » n’est pas un champ connu : il resterait vide.");

        editor.contact.setValue(templates.contacts(companyName, 0, 50).stream().filter(c -> c.id() == contact).findFirst().orElseThrow());
        assertThat(editor.previewSubject.getText()).isEqualTo("Objet : Bonjour Camille");
        assertThat(editor.previewText.getText()).contains("peut recruter : déclarez (", "/portail/declarer)",
                "Ne plus recevoir nos messages : ");
        assertThat(editor.previewHtml.getElement().getAttribute("srcdoc")).contains("Métallerie", "Message envoyé par");
        assertThat(warnings(editor)).contains(
                "Message (HTML) : « {{referent.name}} » est vide pour ce contact : il ne s’afficherait pas.");

        _click(editor.save);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).matches("campagnes/modeles/[0-9]+");
        UI.getCurrent().navigate(TemplateListView.class);
        assertThat(GridKt._size(((TemplateListView) UI.getCurrent().getCurrentView()).grid)).isPositive();
    }

    @Test
    void aTemplateWithASectionIsRefusedNextToItsField() {
        signIn("communication");
        UI.getCurrent().navigate("campagnes/modeles/nouveau");
        var editor = (TemplateEditorView) UI.getCurrent().getCurrentView();
        editor.name.setValue("Section " + token());
        editor.subject.setValue("Objet");
        editor.htmlBody.setValue("<p>{{#contact}}{{firstName}}{{/contact}}</p>");

        _click(editor.save);

        assertThat(editor.htmlBody.isInvalid()).isTrue();
        assertThat(editor.htmlBody.getErrorMessage()).startsWith("« {{#contact}} » n’est pas un champ de fusion");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("campagnes/modeles/nouveau");
    }

    @Test
    void aReferentReadsATemplateWithoutChangingIt() {
        signIn("communication");
        long id = templates.create("Lecture " + token(), new TemplateContent("Objet", "<p>Bonjour</p>", null)).id();
        signIn("referent");

        UI.getCurrent().navigate("campagnes/modeles/" + id);
        var editor = (TemplateEditorView) UI.getCurrent().getCurrentView();
        assertThat(editor.htmlBody.getValue()).isEqualTo("<p>Bonjour</p>");
        assertThat(editor.htmlBody.isReadOnly()).isTrue();
        assertThat(editor.save.getParent()).isEmpty();
        UI.getCurrent().navigate(TemplateListView.class);
        assertThat(_find(Button.class, spec -> spec.withText("Nouveau modèle"))).isEmpty();
    }

    private static java.util.List<String> warnings(TemplateEditorView editor) {
        return editor.warnings.getChildren().map(c -> ((ListItem) c).getText()).toList();
    }
}
