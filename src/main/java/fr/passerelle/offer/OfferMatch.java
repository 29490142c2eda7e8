package fr.passerelle.offer;

import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Why an offer is suggested for a cohort, in parts the page puts into words ({@link #explanation}): "même métier
 * F1603 — 35 km", "même famille F16 — département de retour 37", "même métier F1603 — 120 km (département 42)".
 *
 * @param kind                  the same trade, or only the same ROME family
 * @param code                  the trade ({@code F1603}) or the family ({@code F16}) that matched
 * @param distanceKm            from the cohort's establishment, as the crow flies, rounded to the kilometre (to the
 *                              nearest target establishment for a workshop or subcontracting offer)
 * @param approximateDepartment the offer's department when its commune is unknown (none typed, or a name not found
 *                              there): the distance is then measured from the department's prefecture
 * @param returnDepartment      the offer's department when participants return there, which is then why it ranks
 */
public record OfferMatch(Kind kind, String code, int distanceKm, @Nullable String approximateDepartment,
                         @Nullable String returnDepartment) {

    public enum Kind {
        /** The offer's ROME code is one of the cohort's. */
        SAME_TRADE,
        /** The offer's ROME code starts with the three characters of one of the cohort's ({@code F16}). */
        SAME_FAMILY;

        public String translationKey() {
            return "offer.suggestion.kind." + name();
        }
    }

    /**
     * The reason in the reader's language.
     *
     * @param translation a translation key and its arguments to text, such as {@code component::getTranslation}
     */
    public String explanation(BiFunction<String, Object[], String> translation) {
        String match = translation.apply(kind.translationKey(), new Object[] {code});
        String place;
        if (returnDepartment != null) {
            place = translation.apply("offer.suggestion.place.return-department", new Object[] {returnDepartment});
        } else if (approximateDepartment != null) {
            place = translation.apply("offer.suggestion.place.department-centre", new Object[] {distanceKm, approximateDepartment});
        } else {
            place = translation.apply("offer.suggestion.place.distance", new Object[] {distanceKm});
        }
        return translation.apply("offer.suggestion.explanation", new Object[] {match, place});
    }
}
