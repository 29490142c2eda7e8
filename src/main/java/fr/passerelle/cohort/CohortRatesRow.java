package fr.passerelle.cohort;

/** One cohort of a programme, with its rates, for the programme page's table. */
public record CohortRatesRow(long cohortId, String title, String establishmentName, String dispCode, CohortState state,
                             CohortRates rates) {
}
