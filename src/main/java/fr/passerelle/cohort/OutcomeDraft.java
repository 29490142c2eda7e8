package fr.passerelle.cohort;

import fr.passerelle.offer.ContractType;
import org.jspecify.annotations.Nullable;

/**
 * A participant's situation at one moment (release, or six months later); a null outcome clears it.
 *
 * @param contractType required when employed
 * @param offerId      the linked offer the person was hired through, when they were; its company is recorded with it
 */
public record OutcomeDraft(@Nullable Outcome outcome, @Nullable ContractType contractType, @Nullable Long offerId) {

    public static OutcomeDraft none() {
        return new OutcomeDraft(null, null, null);
    }
}
