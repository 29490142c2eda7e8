package fr.passerelle.offer;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What offers are suggested for: a cohort's trades, where it is trained and where its participants go home.
 *
 * @param romeCodes          the cohort's ROME trades (at least one, {@code F1603}); their families ({@code F16}) match too
 * @param establishmentId    the cohort's establishment: its commune is the point distances are measured from
 * @param returnDepartments  the departments the participants return to (none is fine)
 * @param excludedOfferIds   offers never suggested, such as those already linked to the cohort
 * @param limit              how many suggestions at most (1–100)
 */
public record SuggestionRequest(List<String> romeCodes, long establishmentId, Set<String> returnDepartments,
                                Set<Long> excludedOfferIds, int limit) {

    private static final Pattern ROME_CODE = Pattern.compile("[A-N][0-9]{4}");
    private static final Pattern DEPARTMENT = Pattern.compile("[0-9]{2}|2A|2B|97[0-9]");
    public static final int MAX_LIMIT = 100;

    public SuggestionRequest {
        romeCodes = List.copyOf(romeCodes);
        returnDepartments = Set.copyOf(returnDepartments);
        excludedOfferIds = Set.copyOf(excludedOfferIds);
        if (romeCodes.isEmpty()) {
            throw new IllegalArgumentException("A suggestion needs at least one ROME code");
        }
        for (String code : romeCodes) {
            if (!ROME_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("Not a ROME code: " + code);
            }
        }
        for (String department : returnDepartments) {
            if (!DEPARTMENT.matcher(department).matches()) {
                throw new IllegalArgumentException("Not a department code: " + department);
            }
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("Between 1 and " + MAX_LIMIT + " suggestions, not " + limit);
        }
    }

    /** The ROME families of the trades: the codes' first three characters ({@code F1603} → {@code F16}), each once. */
    public List<String> romeFamilies() {
        return romeCodes.stream().map(SuggestionRequest::family).distinct().toList();
    }

    static String family(String romeCode) {
        return romeCode.substring(0, 3);
    }
}
