package fr.passerelle.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.passerelle.workshop.WorkshopFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import fr.passerelle.KaribuTest;
import fr.passerelle.campaign.ContactOption;
import fr.passerelle.campaign.SegmentFilter;
import fr.passerelle.campaign.SegmentService;
import fr.passerelle.campaign.TemplateContent;
import fr.passerelle.campaign.TemplateService;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.security.ui.LoginView;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The segment and template screens per role: communication builds and saves, a referent reads, anonymous is sent away. */
class CampaignUiTest extends KaribuTest {

    @Autowired
    SegmentService segments;
    @Autowired
    TemplateService templates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void communicationBuildsASegmentWhoseCountFollowsTheFiltersAndSavesIt() {
        signIn("communication");
        UI.getCurrent().navigate("campagnes/segments/nouveau");
        var editor = (SegmentEditorView) UI.getCurrent().getCurrentView();
        String everyone = editor.count.getText();
        assertThat(everyone).matches("[0-9\u00a0\u202f ]+ contacts joignables dans [0-9\u00a0\u202f ]+ entreprises");
        assertThat(editor.excluded.getText()).contains("contacts écartés", "sans adresse", "désinscrits");

        long company = new OfferFixtures(jdbc, users).company("Segment UI " + token(), "2A");
        jdbc.sql("insert into contact (company_id, last_name, email) values (:id, 'Roux', :email)")
                .param("id", company).param("email", token() + "@exemple.fr").update();
        editor.departments.setValue(editor.departments.getListDataView().getItems()
                .filter(d -> d.code().equals("2A")).collect(java.util.stream.Collectors.toSet()));
        editor.stages.setValue(Set.of(PipelineStage.PROSPECT));
        long expected = segments.count(editor.filter()).recipients();
        assertThat(expected).isPositive();
        assertThat(editor.count.getText()).isNotEqualTo(everyone)
                .startsWith(expected == 1 ? "1 contact joignable dans" : java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRENCH).format(expected) + " contacts joignables dans");

        String name = "Corse-du-Sud " + token();
        editor.name.setValue(name);
        _click(editor.save);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SegmentEditorView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).matches("campagnes/segments/[0-9]+");
        assertThat(((SegmentEditorView) UI.getCurrent().getCurrentView()).name.getValue()).isEqualTo(name);
        UI.getCurrent().navigate(SegmentListView.class);
        var list = (SegmentListView) UI.getCurrent().getCurrentView();
        assertThat(GridKt._findAll(list.grid)).anySatisfy(s -> assertThat(s.name()).isEqualTo(name));
    }

    @Test
    void aTakenNameAndABadMonthCountAreShownNextToTheirFields() {
        String taken = "Pris " + token();
        signIn("communication");
        segments.create(taken, SegmentFilter.none());
        UI.getCurrent().navigate("campagnes/segments/nouveau");
        var editor = (SegmentEditorView) UI.getCurrent().getCurrentView();

        editor.months.setValue(500);
        assertThat(editor.months.isInvalid()).isTrue();
        assertThat(editor.months.getErrorMessage()).isEqualTo("Entre 1 et 120 mois.");
        editor.months.setValue(6);
        editor.name.setValue(taken.toUpperCase());
        _click(editor.save);

        assertThat(editor.name.isInvalid()).isTrue();
        assertThat(editor.name.getErrorMessage()).isEqualTo("Un segment porte déjà ce nom.");
    }

    @Test
    void aReferentReadsASegmentButCannotChangeOrCreateOne() {
        signIn("communication");
        long id = segments.create("Lecture " + token(), SegmentFilter.none().withNoInteractionForMonths(6)).id();
        signIn("referent");

        UI.getCurrent().navigate(SegmentListView.class);
        assertThat(_find(Button.class, spec -> spec.withText("Nouveau segment"))).isEmpty();
        UI.getCurrent().navigate("campagnes/segments/" + id);
        var editor = (SegmentEditorView) UI.getCurrent().getCurrentView();
        assertThat(editor.months.getValue()).isEqualTo(6);
        assertThat(editor.months.isReadOnly()).isTrue();
        assertThat(editor.disps.isReadOnly()).isTrue();
        assertThat(editor.save.getParent()).isEmpty();
        assertThat(editor.count.getText()).contains("joignable");

        UI.getCurrent().navigate("campagnes/segments/nouveau");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(SegmentListView.class);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        UI.getCurrent().navigate("campagnes/segments");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
        UI.getCurrent().navigate("campagnes/modeles");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void communicationWritesATemplateSeesItsWarningsAndPreviewsItForARealContact() {
        signIn("communication");
        long company = new OfferFixtures(jdbc, users).company("Métallerie " + token(), "21");
        long contact = jdbc.sql("insert into contact (company_id, first_name, last_name, email) values (:id, 'Camille', 'Roux', :email)"
                + " returning id").param("id", company).param("email", token() + "@exemple.fr").query(Long.class).single();
        UI.getCurrent().navigate("campagnes/modeles/nouveau");
        var editor = (TemplateEditorView) UI.getCurrent().getCurrentView();

        editor.name.setValue("Invitation " + token());
        editor.subject.setValue("Bonjour {{contact.firstName}}");
        editor.htmlBody.setValue("<p>{{company.name}} peut recruter : <a href=\"{{portal.link}}\">déclarez</a>. {{offre.titre}}</p>"
                + "<p>{{referent.name}}</p>");
        assertThat(warnings(editor)).containsExactly("Message (HTML) : « {{offre.titre}} » n’est pas un champ connu : il resterait vide.");

        editor.contact.setValue(templates.contacts("Roux", 0, 50).stream().filter(c -> c.id() == contact).findFirst().orElseThrow());
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
