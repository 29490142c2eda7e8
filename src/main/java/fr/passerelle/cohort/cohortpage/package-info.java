/**
 * The port through which other parts of Passerelle add tabs to the cohort page (offer suggestions, rates, follow-up
 * tasks) without the page knowing them: beans implementing {@link fr.passerelle.cohort.cohortpage.CohortTab}.
 */
@NullMarked
@NamedInterface("cohort-page")
package fr.passerelle.cohort.cohortpage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
