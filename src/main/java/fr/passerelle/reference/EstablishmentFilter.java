package fr.passerelle.reference;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What a list of establishments is narrowed to. Null means "any"; the search is matched, accent- and
 * case-insensitively, against the name, the commune and the DGAP label.
 */
public record EstablishmentFilter(@Nullable String dispCode, @Nullable String typeCode, @Nullable String departmentCode,
                                  String search) implements Serializable {

    public EstablishmentFilter {
        search = search.strip();
    }

    public static EstablishmentFilter none() {
        return new EstablishmentFilter(null, null, null, "");
    }

    public static EstablishmentFilter ofDisp(@Nullable String dispCode) {
        return new EstablishmentFilter(dispCode, null, null, "");
    }

    public boolean isEmpty() {
        return dispCode == null && typeCode == null && departmentCode == null && search.isEmpty();
    }
}
