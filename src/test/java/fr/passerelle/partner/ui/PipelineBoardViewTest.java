package fr.passerelle.partner.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.passerelle.partner.ui.PartnerUiFixtures.company;
import static fr.passerelle.partner.ui.PartnerUiFixtures.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dnd.DragEndEvent;
import com.vaadin.flow.component.dnd.DragStartEvent;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySummary;
import fr.passerelle.partner.PipelineMoveEntry;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.reference.DispSummary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PipelineBoardViewTest extends KaribuTest {

    @Autowired
    CompanyService companies;

    @Test
    void aReferentMovesACardWithItsMenuAndTheMoveIsRecorded() {
        signIn("referent");
        String name = "Menuiserie " + uniqueWord();
        CompanyDetails created = company(companies, name, "21", null);
        openBoardSearching(name);

        CompanyCard card = onlyCard(PipelineStage.PROSPECT);
        assertThat(card.company().id()).isEqualTo(created.id());
        ContextMenuKt._clickItemWithCaption(card.moveMenu(), "Contacté");

        assertThat(companies.require(created.id()).stage()).isEqualTo(PipelineStage.CONTACTED);
        PipelineMoveEntry last = companies.pipelineHistory(created.id()).getFirst();
        assertThat(last.from()).isEqualTo(PipelineStage.PROSPECT);
        assertThat(last.to()).isEqualTo(PipelineStage.CONTACTED);
        assertThat(last.movedBy()).isEqualTo("referent");
        NotificationsKt.expectNotifications("« " + name + " » déplacée vers Contacté");
        assertThat(view().column(PipelineStage.PROSPECT).cards()).isEmpty();
        assertThat(onlyCard(PipelineStage.CONTACTED).company().id()).isEqualTo(created.id());
    }

    @Test
    void decliningAsksForTheReasonAndRefusesAnEmptyOne() {
        signIn("referent");
        String name = "Boulangerie " + uniqueWord();
        CompanyDetails created = company(companies, name, "21", null);
        openBoardSearching(name);

        ContextMenuKt._clickItemWithCaption(onlyCard(PipelineStage.PROSPECT).moveMenu(), "A décliné");
        DeclineReasonDialog dialog = _get(DeclineReasonDialog.class);
        TextArea reason = _get(dialog, TextArea.class, spec -> spec.withLabel("Motif du refus"));
        _click(_get(dialog, Button.class, spec -> spec.withText("Enregistrer le refus")));

        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Indiquez le motif du refus.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(companies.require(created.id()).stage()).isEqualTo(PipelineStage.PROSPECT);

        reason.setValue("Pas de recrutement prévu cette année");
        _click(_get(dialog, Button.class, spec -> spec.withText("Enregistrer le refus")));

        assertThat(dialog.isOpened()).isFalse();
        CompanyDetails declined = companies.require(created.id());
        assertThat(declined.stage()).isEqualTo(PipelineStage.DECLINED);
        assertThat(declined.declinedReason()).isEqualTo("Pas de recrutement prévu cette année");
        assertThat(companies.pipelineHistory(created.id()).getFirst().reason()).isEqualTo("Pas de recrutement prévu cette année");
        assertThat(onlyCard(PipelineStage.DECLINED).company().id()).isEqualTo(created.id());
    }

    @Test
    void dragAndDropMovesACompanyToTheColumnItIsDroppedOn() {
        signIn("referent");
        String name = "Logistique " + uniqueWord();
        CompanyDetails created = company(companies, name, "21", null);
        openBoardSearching(name);

        CompanyCard card = onlyCard(PipelineStage.PROSPECT);
        BoardColumn target = view().column(PipelineStage.IN_DISCUSSION);
        // What the browser sends: the card starts being dragged, is dropped on the column, the drag ends.
        ComponentUtil.fireEvent(card, new DragStartEvent<>(card, true, 10, 10, 0, 0));
        ComponentUtil.fireEvent(target, new DropEvent<>(target, true, "move", 20, 40, 10, 10));
        ComponentUtil.fireEvent(card, new DragEndEvent<>(card, true, "move", 20, 40));

        assertThat(companies.require(created.id()).stage()).isEqualTo(PipelineStage.IN_DISCUSSION);
        assertThat(onlyCard(PipelineStage.IN_DISCUSSION).company().id()).isEqualTo(created.id());
        NotificationsKt.expectNotifications("« " + name + " » déplacée vers En discussion");
    }

    @Test
    void droppingOnDeclinedAsksForTheReasonToo() {
        signIn("referent");
        String name = "Transports " + uniqueWord();
        CompanyDetails created = company(companies, name, "21", null);
        openBoardSearching(name);

        view().requestMove(onlyCard(PipelineStage.PROSPECT).company(), PipelineStage.DECLINED);

        assertThat(_get(DeclineReasonDialog.class).isOpened()).isTrue();
        assertThat(companies.require(created.id()).stage()).isEqualTo(PipelineStage.PROSPECT);
    }

    @Test
    void aReferentCannotMoveACompanyOfAnotherDisp() {
        signIn("admin");
        String name = "Imprimerie parisienne " + uniqueWord();
        CompanyDetails paris = company(companies, name, "75", null);
        signIn("referent");
        openBoardSearching(name);
        dispFilter().setValue(null);

        CompanyCard card = onlyCard(PipelineStage.PROSPECT);
        assertThat(card.company().id()).isEqualTo(paris.id());
        assertThat(_find(card, MenuBar.class)).as("no move menu").isEmpty();
        assertThat(card.getClassNames()).doesNotContain("movable");
        assertThat(card.getElement().getProperty("draggable", false)).isFalse();

        // Even if the browser sent the move anyway, the service refuses it.
        view().requestMove(card.company(), PipelineStage.CONTACTED);
        assertThat(companies.require(paris.id()).stage()).isEqualTo(PipelineStage.PROSPECT);
        NotificationsKt.expectNotifications("Vous ne pouvez pas déplacer « " + name
                + " » : seuls les administrateurs et les référents de sa DISP le peuvent.");
    }

    @Test
    void theCommunicationTeamSeesTheBoardWithoutMoveControls() {
        signIn("admin");
        String name = "Atelier " + uniqueWord();
        company(companies, name, "21", null);
        signIn("communication");
        openBoardSearching(name);

        assertThat(dispFilter().getValue()).isNull();
        CompanyCard card = onlyCard(PipelineStage.PROSPECT);
        assertThat(_find(view(), MenuBar.class)).isEmpty();
        assertThat(card.getElement().getProperty("draggable", false)).isFalse();
        assertThat(_find(view(), Checkbox.class)).as("no 'moi uniquement' for people without companies").isEmpty();
        assertThat(_get(view(), Paragraph.class, spec -> spec.withClasses("pipeline-hint")).getText()).startsWith("Consultation seule");
    }

    @Test
    void anAdministratorMovesCompaniesOfEveryDisp() {
        signIn("admin");
        String name = "Chantiers " + uniqueWord();
        CompanyDetails lyon = company(companies, name, "69", null);
        openBoardSearching(name);

        assertThat(dispFilter().getValue()).isNull();
        ContextMenuKt._clickItemWithCaption(onlyCard(PipelineStage.PROSPECT).moveMenu(), "Partenaire");
        assertThat(companies.require(lyon.id()).stage()).isEqualTo(PipelineStage.PARTNER);
    }

    @Test
    void aReferentStartsOnTheirDispAndCanKeepOnlyTheirOwnCompanies() {
        String word = uniqueWord();
        signIn("admin");
        company(companies, "Sans référent " + word, "21", null);
        signIn("referent");
        company(companies, "Suivie par moi " + word, "21", null);
        openBoardSearching(word);

        assertThat(dispFilter().getValue()).extracting(DispSummary::code).isEqualTo("DISP DIJON");
        assertThat(names(PipelineStage.PROSPECT)).containsExactlyInAnyOrder("Sans référent " + word, "Suivie par moi " + word);

        _get(view(), Checkbox.class, spec -> spec.withLabel("Moi uniquement")).setValue(true);
        assertThat(names(PipelineStage.PROSPECT)).containsExactly("Suivie par moi " + word);
        assertThat(onlyCard(PipelineStage.PROSPECT).getElement().getAttribute("aria-label"))
                .isEqualTo("Suivie par moi " + word + ", Commune 21 (21), Suivie par Référent démo (Dijon)");
    }

    @Test
    void aColumnShowsItsTotalAndLinksToTheListWhenItHasMoreCards() {
        signIn("referent");
        String word = uniqueWord();
        int created = PipelineBoardView.CARDS_PER_STAGE + 2;
        for (int i = 0; i < created; i++) {
            company(companies, "Entreprise " + i + " " + word, "21", null);
        }
        openBoardSearching(word);

        BoardColumn prospects = view().column(PipelineStage.PROSPECT);
        assertThat(prospects.cards()).hasSize(PipelineBoardView.CARDS_PER_STAGE);
        assertThat(prospects.cards().getFirst().company().legalName()).as("most recently updated first")
                .isEqualTo("Entreprise " + (created - 1) + " " + word);
        Anchor more = _get(prospects, Anchor.class, spec -> spec.withClasses("pipeline-column-more"));
        assertThat(more.isVisible()).isTrue();
        assertThat(more.getText()).isEqualTo("+ 2 autres");
        assertThat(more.getHref()).isEqualTo("entreprises");
        assertThat(_get(prospects, com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("pipeline-column-total")).getText())
                .isEqualTo(String.valueOf(created));

        BoardColumn partners = view().column(PipelineStage.PARTNER);
        assertThat(partners.cards()).isEmpty();
        assertThat(_find(partners, Anchor.class, spec -> spec.withClasses("pipeline-column-more"))).as("no visible link").isEmpty();
        assertThat(_get(partners, Paragraph.class, spec -> spec.withClasses("pipeline-column-empty")).isVisible()).isTrue();
    }

    @Test
    void columnsAndCardsAreListsForScreenReadersAndNamesLinkToTheCompanyPage() {
        signIn("referent");
        String name = "Maçonnerie " + uniqueWord();
        CompanyDetails created = company(companies, name, "21", null);
        openBoardSearching(name);

        CompanyCard card = onlyCard(PipelineStage.PROSPECT);
        assertThat(card.getElement().getAttribute("role")).isEqualTo("listitem");
        assertThat(card.getElement().getParent().getAttribute("role")).isEqualTo("list");
        assertThat(card.getElement().getParent().getAttribute("aria-label")).isEqualTo("Prospect : 1 entreprise");
        Anchor link = _get(card, Anchor.class, spec -> spec.withClasses("company-card-name"));
        assertThat(link.getHref()).isEqualTo("entreprises/" + created.id());
        assertThat(link.getText()).isEqualTo(name);
        assertThat(card.moveMenu().getItems().getFirst().getAriaLabel()).hasValue("Déplacer « " + name + " » vers une autre étape");
        assertThat(card.moveMenu().getItems().getFirst().getSubMenu().getItems())
                .extracting(item -> item.getText())
                .containsExactly("Contacté", "En discussion", "Partenaire", "En sommeil", "A décliné");
    }

    @Test
    void filtersAreRememberedForTheSession() {
        signIn("referent");
        openBoardSearching("rien de tel " + uniqueWord());
        dispFilter().setValue(null);

        UI.getCurrent().navigate("etablissements");
        UI.getCurrent().navigate(PipelineBoardView.class);

        assertThat(dispFilter().getValue()).isNull();
        assertThat(search().getValue()).startsWith("rien de tel");
    }

    private void openBoardSearching(String text) {
        UI.getCurrent().navigate(PipelineBoardView.class);
        search().setValue(text);
    }

    private static PipelineBoardView view() {
        return _get(PipelineBoardView.class);
    }

    private static TextField search() {
        return _get(view(), TextField.class, spec -> spec.withLabel("Rechercher"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DispSummary> dispFilter() {
        return _get(view(), ComboBox.class, spec -> spec.withLabel("DISP"));
    }

    private static CompanyCard onlyCard(PipelineStage stage) {
        List<CompanyCard> cards = view().column(stage).cards();
        assertThat(cards).hasSize(1);
        return cards.getFirst();
    }

    private static List<String> names(PipelineStage stage) {
        return view().column(stage).cards().stream().map(CompanyCard::company).map(CompanySummary::legalName).toList();
    }
}
