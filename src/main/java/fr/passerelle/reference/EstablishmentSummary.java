package fr.passerelle.reference;

import org.jspecify.annotations.Nullable;

/**
 * A row of the establishment list.
 *
 * @param code           the DGAP label, e.g. {@code CD CHATEAUDUN}
 * @param name           the official directory name, or the DGAP label when the directory has none
 * @param departmentCode null for the overseas collectivities, which have no department
 */
public record EstablishmentSummary(long id, String code, String name, String typeCode, String typeLabel, String commune,
                                   @Nullable String departmentCode, @Nullable String departmentName, String dispCode) {
}
