package fr.passerelle.campaign.internal;

/**
 * The global opt-out list as segments see it: a SQL condition, true when the address is on the list. The list
 * belongs to the {@code optout} module; this is the one place segment SQL depends on how it is stored.
 */
public interface OptOutExclusion {

    /**
     * A boolean SQL expression over {@code addressExpression} (already lower-case), with no parameters of its own;
     * {@code false} when nobody is on the list.
     */
    String optedOut(String addressExpression);
}
