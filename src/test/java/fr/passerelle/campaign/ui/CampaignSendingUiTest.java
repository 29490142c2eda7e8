package fr.passerelle.campaign.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.ListItem;
import fr.passerelle.KaribuTest;
import fr.passerelle.campaign.Campaign;
import fr.passerelle.campaign.CampaignDraft;
import fr.passerelle.campaign.CampaignService;
import fr.passerelle.campaign.CampaignState;
import fr.passerelle.security.ui.LoginView;
import fr.passerelle.segment.SegmentFilter;
import fr.passerelle.segment.SegmentService;
import fr.passerelle.template.TemplateContent;
import fr.passerelle.template.TemplateService;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The campaign screens per role: communication writes, tests and sends a campaign; a referent reads; anonymous is sent away. */
class CampaignSendingUiTest extends KaribuTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    SegmentService segments;
    @Autowired
    TemplateService templates;
    @Autowired
    JdbcClient jdbc;

    @Test
    void communicationWritesACampaignSeesTheCountAndWarningsTestsItAndSendsIt() throws InterruptedException {
        signIn("communication");
        String word = token();
        // A segment that reaches nobody (a department without companies of this kind): the sending ends at once.
        String segmentName = "Personne " + word;
        segments.create(segmentName, SegmentFilter.none().withDisps(Set.of("DISP INEXISTANTE " + word)));
        String templateName = "Modèle " + word;
        templates.create(templateName, new TemplateContent("Bonjour {{contact.firstName}}", "<p>{{offre.titre}}</p>", null));
        UI.getCurrent().navigate("campagnes/envois/edition/nouvelle");
        var editor = (CampaignEditorView) UI.getCurrent().getCurrentView();
        assertThat(editor.senderName.getValue()).isNotBlank();

        editor.name.setValue("Campagne " + word);
        editor.segment.setValue(editor.segment.getListDataView().getItems().filter(s -> s.name().equals(segmentName)).findFirst().orElseThrow());
        assertThat(editor.count.getText()).isEqualTo("Aucun contact joignable dans aucune entreprise");
        editor.template.setValue(editor.template.getListDataView().getItems().filter(t -> t.name().equals(templateName)).findFirst().orElseThrow());
        assertThat(editor.warnings.getChildren().map(c -> ((ListItem) c).getText()))
                .containsExactly("Message (HTML) : « {{offre.titre}} » n’est pas un champ connu : il resterait vide.");
        editor.perMinute.setValue(0);
        _click(editor.save);
        assertThat(editor.perMinute.isInvalid()).isTrue();
        assertThat(editor.perMinute.getErrorMessage()).matches("Entre 1 et 100.000 messages par minute, ou vide pour ne pas limiter\\.");
        editor.perMinute.setValue(600);
        editor.scheduledAt.setValue(LocalDateTime.now().plusDays(1).withSecond(0).withNano(0));
        _click(editor.save);

        var page = (CampaignView) UI.getCurrent().getCurrentView();
        assertThat(page.state.getText()).isEqualTo("Brouillon");
        assertThat(page.pause.isVisible()).isFalse();
        _click(page.test);
        var dialog = _get(TestSendDialog.class);
        _click(dialog.send);
        assertThat(dialog.isOpened()).as("refused: the template names an unknown field").isTrue();

        Campaign campaign = campaigns.find(Long.parseLong(UI.getCurrent().getInternals().getActiveViewLocation().getPath()
                .replaceAll("\\D", ""))).orElseThrow();
        long fixed = templates.create("Correct " + word, new TemplateContent("Bonjour {{contact.firstName}}", "<p>Bonjour</p>", null)).id();
        campaigns.update(campaign.id(), campaign.version(), new CampaignDraft(campaign.name(), campaign.segmentId(), fixed,
                campaign.senderName(), campaign.senderPostalAddress(), null, 600, 0.1, campaign.scheduledAt()));
        page.refresh();
        _click(dialog.send);
        assertThat(dialog.isOpened()).isFalse();

        _click(page.launch);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isIn(CampaignState.SENDING, CampaignState.SENT);
        assertThat(page.launch.isVisible()).isFalse();
        assertThat(page.results).as("the results appear once the campaign is launched").isNotNull();
        assertThat(page.results.isAttached()).isTrue();
        assertThat(page.history.getChildren().map(c -> ((ListItem) c).getText())).anySatisfy(t -> assertThat(t).contains("En cours d’envoi"));
        // Nobody to write to: once the fan-out has run, a refresh finds the campaign done and shows when it ended.
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (jdbc.sql("select fanned_out_at is null from campaign where id = :id").param("id", campaign.id()).query(Boolean.class).single()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // As when its last messages went out since the last look: still sending in the table until the progress is read.
        jdbc.sql("update campaign set state = 'SENDING', finished_at = null where id = :id").param("id", campaign.id()).update();
        page.refresh();
        assertThat(page.state.getText()).isEqualTo("Envoyée");
        assertThat(page.details.getText()).matches(".*Terminée le : \\d{2}/\\d{2}/\\d{4}.*");

        UI.getCurrent().navigate(CampaignListView.class);
        var list = (CampaignListView) UI.getCurrent().getCurrentView();
        list.state.setValue(CampaignState.DRAFT);
        assertThat(GridKt._findAll(list.grid)).noneSatisfy(c -> assertThat(c.id()).isEqualTo(campaign.id()));
        list.state.setValue(null);
        assertThat(GridKt._findAll(list.grid)).anySatisfy(c -> assertThat(c.id()).isEqualTo(campaign.id()));
    }

    @Test
    void aReferentReadsACampaignWithoutActionsAndCannotOpenTheEditor() {
        signIn("communication");
        String word = token();
        long segment = segments.create("Lecture " + word, SegmentFilter.none()).id();
        Campaign campaign = campaigns.create(new CampaignDraft("Lecture " + word, segment, null, "Passerelle", "", null, null, null, null));
        signIn("referent");

        UI.getCurrent().navigate("campagnes/envois/" + campaign.id());
        var page = (CampaignView) UI.getCurrent().getCurrentView();
        assertThat(page.title.getText()).isEqualTo("Lecture " + word);
        assertThat(page.launch.isAttached()).isFalse();
        assertThat(page.cancel.isAttached()).isFalse();
        assertThat(page.counts.getText()).startsWith("0 envoyés");
        assertThat(page.results).as("a draft has no results yet").isNull();
        UI.getCurrent().navigate(CampaignListView.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class, spec -> spec.withText("Nouvelle campagne"))).isEmpty();
        try {
            UI.getCurrent().navigate("campagnes/envois/edition/nouvelle");
            assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(CampaignEditorView.class);
        } catch (RuntimeException denied) {
            assertThat(denied).hasMessageContaining("Access is denied");
        }
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        UI.getCurrent().navigate("campagnes/envois");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    private static String token() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}
