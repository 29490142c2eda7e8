package fr.passerelle.cohort;

/**
 * One rate of a cohort or programme: {@code count} people out of {@code of}. A rate is {@code withheld} when it
 * would show a group of one or two people to someone who may not see the participants (see decision record 019):
 * its numbers are then zero and only the fact that it is withheld is shown.
 */
public record Rate(long count, long of, boolean withheld) {

    /** Groups of one or two people are not shown to those who may not see the participants. */
    public static final int SMALLEST_GROUP = 3;

    public static Rate of(long count, long of) {
        return new Rate(count, of, false);
    }

    static Rate withheldRate() {
        return new Rate(0, 0, true);
    }

    /** Nothing to measure yet: no one (or no seat) in the denominator. */
    public boolean empty() {
        return !withheld && of == 0;
    }

    /** The rate in whole percent, rounded half up; 0 when empty or withheld. */
    public int percent() {
        return of == 0 ? 0 : (int) Math.round(count * 100.0 / of);
    }

    /** This rate as a person who may not see the participants gets it: withheld when it, or its rest, is a group of 1 or 2. */
    Rate forOutsiders() {
        return small(count) || small(of - count) ? withheldRate() : this;
    }

    private static boolean small(long people) {
        return people > 0 && people < SMALLEST_GROUP;
    }
}
