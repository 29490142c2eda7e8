package fr.passerelle.offer;

import java.time.YearMonth;

/**
 * One month of a cohort's coverage: the positions its linked offers offer that month against the participants
 * expected to be released then. An offer counts for every month from its start date's to its end date's (every
 * month on when it has none).
 *
 * @param openPositions        positions of the linked offers still open
 * @param filledPositions      positions of the linked offers already filled (shown apart: no longer available)
 * @param participantsReleased participants whose expected release month it is
 */
public record CoverageMonth(YearMonth month, int openPositions, int filledPositions, int participantsReleased) {

    /** Whether the open positions are at least as many as the participants released. */
    public boolean covered() {
        return openPositions >= participantsReleased;
    }
}
