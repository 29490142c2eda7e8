package fr.passerelle.cohort.cohortpage;

import com.vaadin.flow.component.Component;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.cohort.CohortDetails;

/**
 * A tab added to the cohort page. The page places it by {@link #order()} among its own tabs: details 10,
 * participants 20, linked offers 30. A tab that shows participant data must be shown only when
 * {@link CohortDetails#participantsVisible()}, and read them through {@code ParticipantService} (which logs the read).
 */
public interface CohortTab {

    int order();

    /** The translation key of the tab's title. */
    String titleKey();

    /** Whether the person sees this tab for this cohort. */
    boolean shownTo(SignedInUser user, CohortDetails cohort);

    /** The tab's content; built each time the page is shown. {@code changed} reloads the page (after a change the tab made). */
    Component content(CohortDetails cohort, Runnable changed);
}
