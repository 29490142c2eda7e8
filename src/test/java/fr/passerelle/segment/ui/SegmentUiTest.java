package fr.passerelle.segment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static fr.passerelle.workshop.WorkshopFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import fr.passerelle.KaribuTest;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.security.ui.LoginView;
import fr.passerelle.segment.SegmentFilter;
import fr.passerelle.segment.SegmentService;
import fr.passerelle.template.TemplateService;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The segment screens per role: communication builds and saves, a referent reads, anonymous is sent away. */
class SegmentUiTest extends KaribuTest {

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
    }
}
