package fr.passerelle.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.passerelle.workshop.WorkshopFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.workshop.WorkshopFixtures.LYON_ESTABLISHMENT;
import static fr.passerelle.workshop.WorkshopFixtures.draft;
import static fr.passerelle.workshop.WorkshopFixtures.establishmentId;
import static fr.passerelle.workshop.WorkshopFixtures.token;
import static fr.passerelle.workshop.WorkshopFixtures.withPublic;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import fr.passerelle.KaribuTest;
import fr.passerelle.workshop.ActivityCategory;
import fr.passerelle.workshop.Availability;
import fr.passerelle.workshop.WorkshopFixtures;
import fr.passerelle.workshop.WorkshopService;
import fr.passerelle.workshop.WorkshopSpaceDraft;
import fr.passerelle.workshop.WorkshopSpaceSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The public workshop catalogue, for a visitor who is not signed in. Each test finds its own spaces by a word in their names. */
class WorkshopCatalogueViewTest extends KaribuTest {

    @Autowired
    WorkshopService workshops;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void aVisitorSeesOnlyThePublicSpacesWithTheirFactsAndTheReferentsNameOnly() {
        String word = token();
        WorkshopSpaceSummary listed = space(new WorkshopSpaceDraft(dijon(), "Atelier " + word + " bâtiment B", 1200, null, true,
                "menuiserie", ActivityCategory.WOODWORK, Availability.AVAILABLE_FROM, LocalDate.now().plusDays(40),
                WorkshopFixtures.userId(jdbc, "referent"), "Note interne à ne pas montrer", true));
        space(withPublic(draft(dijon(), "Atelier " + word + " réservé"), false));

        search(word);

        assertThat(cardTitles()).containsExactly(listed.label());
        assertThat(status()).isEqualTo("1 espace correspond à votre recherche.");
        WorkshopSpaceCard card = _get(WorkshopSpaceCard.class);
        assertThat(facts(card)).containsExactly(
                "Surface de production", "1\u202f200 m²",
                "Stockage", "Non précisé",
                "Quai de chargement", "Oui",
                "Activité", "Menuiserie, bois – menuiserie",
                "Disponibilité", "Disponible le " + fr.passerelle.base.DisplayFormats.date(LocalDate.now().plusDays(40)),
                "Référent à contacter", "Référent démo (Dijon)");
        assertThat(card.getElement().getOuterHTML()).doesNotContain("Note interne");
        Anchor interested = _get(card, Anchor.class, spec -> spec.withText("Je suis intéressé"));
        assertThat(interested.getHref()).isEqualTo("portail/ateliers/" + listed.id() + "/interet");
        assertThat(interested.getElement().getAttribute("aria-label")).startsWith("Je suis intéressé : " + listed.label());
        assertThat(_get(H1.class).getText()).isEqualTo("Implanter un atelier en détention");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Ateliers en détention : les espaces proposés aux entreprises – Passerelle");
    }

    @Test
    void theCatalogueIsNarrowedByRegionAndActivity() {
        String word = token();
        space(category(draft(dijon(), "Atelier " + word + " conditionnement Joux"), ActivityCategory.PACKAGING));
        space(category(draft(dijon(), "Atelier " + word + " bois Joux"), ActivityCategory.WOODWORK));
        space(category(draft(lyon(), "Atelier " + word + " conditionnement Roanne"), ActivityCategory.PACKAGING));
        search(word);
        assertThat(cardTitles()).hasSize(3);
        assertThat(status()).isEqualTo("3 espaces correspondent à votre recherche.");

        String bourgogne = regionOf(DIJON_ESTABLISHMENT);
        regionSelect().setValue(bourgogne);
        assertThat(cardTitles()).containsExactlyInAnyOrder("Atelier " + word + " conditionnement Joux", "Atelier " + word + " bois Joux");

        activitySelect().setValue(ActivityCategory.WOODWORK);
        assertThat(cardTitles()).containsExactly("Atelier " + word + " bois Joux");
        assertThat(status()).isEqualTo("1 espace correspond à votre recherche.");

        regionSelect().clear();
        activitySelect().setValue(ActivityCategory.PACKAGING);
        assertThat(cardTitles()).containsExactlyInAnyOrder("Atelier " + word + " conditionnement Joux",
                "Atelier " + word + " conditionnement Roanne");
    }

    @Test
    void aSearchInTheAddressIsTheOneShown() {
        String word = token();
        space(category(draft(dijon(), "Atelier " + word + " conditionnement"), ActivityCategory.PACKAGING));
        space(category(draft(lyon(), "Atelier " + word + " bois"), ActivityCategory.WOODWORK));

        UI.getCurrent().navigate("portail/ateliers", QueryParameters.simple(Map.of("activite", "WOODWORK", "q", word)));

        assertThat(activitySelect().getValue()).isEqualTo(ActivityCategory.WOODWORK);
        assertThat(textField().getValue()).isEqualTo(word);
        assertThat(cardTitles()).containsExactly("Atelier " + word + " bois");
    }

    @Test
    void aSearchWithoutResultsSaysSoAndOffersTheWholeCatalogueAndTheContacts() {
        search(token());

        assertThat(cardTitles()).isEmpty();
        assertThat(status()).isEqualTo("Aucun espace ne correspond à votre recherche.");
        assertThat(visibleTexts()).contains("Élargissez votre recherche, ou présentez votre projet aux référents de votre région : "
                + "tous les établissements n’ont pas encore publié leurs espaces, et d’autres peuvent se libérer.");
        assertThat(_find(Anchor.class, spec -> spec.withText("Voir les interlocuteurs en région"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withText("Voir plus d’espaces"))).as("nothing more to show").isEmpty();

        _click(_get(Button.class, spec -> spec.withText("Afficher tous les espaces")));

        assertThat(textField().getValue()).isEmpty();
        long all = workshops.countCatalogue(fr.passerelle.workshop.CatalogueFilter.none());
        assertThat(all).as("the demo spaces").isGreaterThan(10);
        assertThat(status()).isEqualTo(all + " espaces sont proposés.");
        assertThat(cardTitles()).hasSize(WorkshopCatalogueView.PAGE_SIZE);
    }

    @Test
    void tenSpacesAtATimeAndVoirPlusBringsTheNextOnes() {
        String word = token();
        for (int i = 1; i <= 12; i++) {
            space(draft(dijon(), "Atelier " + word + " n° " + (100 + i)));
        }
        search(word);

        assertThat(cardTitles()).hasSize(10);
        assertThat(visibleTexts()).contains("10 affichés sur 12");
        Button more = _get(Button.class, spec -> spec.withText("Voir plus d’espaces"));
        assertThat(more.isVisible()).isTrue();

        _click(more);

        assertThat(cardTitles()).hasSize(12).doesNotHaveDuplicates();
        assertThat(visibleTexts()).contains("12 affichés sur 12");
        assertThat(more.isVisible()).isFalse();
        assertThat(status()).as("the live region still says how many there are").isEqualTo("12 espaces correspondent à votre recherche.");
    }

    @Test
    void everyFilterHasALabelAndTheCountIsALiveRegion() {
        UI.getCurrent().navigate("portail/ateliers");
        assertThat(regionSelect().getLabel()).isEqualTo("Région");
        assertThat(activitySelect().getLabel()).isEqualTo("Type d’activité");
        assertThat(textField().getMaxLength()).isEqualTo(100);
        assertThat(_find(Paragraph.class, spec -> spec.withAttribute("role", "status"))).hasSize(1);
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withAttribute("role", "search"))).hasSize(1);
    }

    private void search(String text) {
        UI.getCurrent().navigate("portail/ateliers");
        textField().setValue(text);
    }

    private WorkshopSpaceSummary space(WorkshopSpaceDraft draft) {
        WorkshopFixtures.signIn(users, "admin");
        try {
            return workshops.create(draft);
        } finally {
            signOut();
        }
    }

    private static WorkshopSpaceDraft category(WorkshopSpaceDraft d, ActivityCategory category) {
        return new WorkshopSpaceDraft(d.establishmentId(), d.label(), d.areaM2(), d.storageM2(), d.loadingDock(), d.currentActivity(),
                category, d.availability(), d.availableFrom(), d.referentId(), d.notes(), d.publicListing());
    }

    private long dijon() {
        return establishmentId(jdbc, DIJON_ESTABLISHMENT);
    }

    private long lyon() {
        return establishmentId(jdbc, LYON_ESTABLISHMENT);
    }

    private String regionOf(String establishmentCode) {
        return jdbc.sql("select region_code from establishment where code = :code").param("code", establishmentCode)
                .query(String.class).single();
    }

    @SuppressWarnings("unchecked")
    private static Select<String> regionSelect() {
        return _get(Select.class, spec -> spec.withLabel("Région"));
    }

    @SuppressWarnings("unchecked")
    private static Select<ActivityCategory> activitySelect() {
        return _get(Select.class, spec -> spec.withLabel("Type d’activité"));
    }

    private static TextField textField() {
        return _get(TextField.class, spec -> spec.withLabel("Mots-clés"));
    }

    private static List<String> cardTitles() {
        return _find(WorkshopSpaceCard.class).stream().map(card -> _get(card, H3.class).getText()).toList();
    }

    private static String status() {
        return _get(Paragraph.class, spec -> spec.withAttribute("role", "status")).getText();
    }

    private static List<String> visibleTexts() {
        return _find(Paragraph.class).stream().map(Paragraph::getText).toList();
    }

    private static List<String> facts(WorkshopSpaceCard card) {
        return _get(card, DescriptionList.class).getChildren().map(c -> c.getElement().getText()).toList();
    }
}
