package fr.passerelle.cohort.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.passerelle.cohort.CohortFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.cohort;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import fr.passerelle.KaribuTest;
import fr.passerelle.cohort.CohortDetails;
import fr.passerelle.cohort.CohortFixtures;
import fr.passerelle.cohort.CohortService;
import fr.passerelle.cohort.ParticipantDraft;
import fr.passerelle.cohort.ParticipantService;
import fr.passerelle.partner.TaskSummary;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** "Mes tâches" of the cohort's referent lists the follow-up tasks of its participants, each leading to the cohort. */
class FollowUpTasksUiTest extends KaribuTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    ParticipantService participants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theReferentSeesTheFollowUpTaskWithItsLinkToTheCohortPage() {
        signIn("referent");
        long establishment = new CohortFixtures(jdbc, users).establishment(DIJON_ESTABLISHMENT);
        LocalDate planned = LocalDate.of(2020, 1, 6);
        CohortDetails cohort = cohorts.create(cohort(null, establishment, planned));
        String code = "SPIP21-" + CohortFixtures.token().substring(0, 6);
        participants.enrol(cohort.id(), new ParticipantDraft(code, YearMonth.of(2020, 2), "21", false, null));

        UI.getCurrent().navigate("mes-taches");

        @SuppressWarnings("unchecked")
        Grid<TaskSummary> grid = _get(Grid.class);
        String title = "Cohorte « " + cohort.title() + " » : situation à la sortie de " + code;
        int row = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).title().equals(title)).findFirst().orElseThrow();
        assertThat(GridKt._get(grid, row).dueDate()).as("last working day of February 2020").isEqualTo(LocalDate.of(2020, 2, 28));
        assertThat(GridKt._get(grid, row).overdue()).isTrue();
        Anchor link = (Anchor) GridKt._getCellComponent(grid, row, "company");
        assertThat(link.getHref()).isEqualTo("cohortes/" + cohort.id());
        assertThat(link.getText()).isEqualTo(cohort.title());
        assertThat(grid.getColumnByKey("company").getHeaderText()).isEqualTo("Concerne");

        UI.getCurrent().navigate(link.getHref());
        assertThat(_get(H2.class, spec -> spec.withText(cohort.title()))).isNotNull();
    }
}
