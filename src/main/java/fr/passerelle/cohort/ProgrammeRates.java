package fr.passerelle.cohort;

/** A programme's rates over its cohorts that are not cancelled ({@code cohorts} of them), added together. */
public record ProgrammeRates(long cohorts, CohortRates totals) {
}
