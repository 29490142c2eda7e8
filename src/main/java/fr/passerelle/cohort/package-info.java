/**
 * Training programmes and their cohorts (promotions) run with partner organisations, their pseudonymous
 * participants and outcomes, and the offers linked to each cohort. Participants are seen by administrators and
 * by the referents of the cohort's DISP only, and every read of them is recorded.
 */
@NullMarked
package fr.passerelle.cohort;

import org.jspecify.annotations.NullMarked;
