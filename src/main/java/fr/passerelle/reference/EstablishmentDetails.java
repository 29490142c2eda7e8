package fr.passerelle.reference;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the reference files say about one establishment.
 *
 * @param code          the DGAP label, e.g. {@code CP FRESNES}
 * @param name          the official directory name, or the DGAP label when the directory has none
 * @param directoryName the official name in the DILA directory, when it was matched
 * @param directoryNote how the establishment was matched to its commune when that needed a decision
 * @param quarters      quarter codes as published by DGAP, e.g. {@code MA/QMA}, {@code CSL/QSL}, {@code SAS}
 * @param qualityNote   a known doubt about the address or coordinates, to check before relying on them
 * @param active        false when the establishment has left the published files
 */
public record EstablishmentDetails(
        long id, String code, String name, @Nullable String directoryName, @Nullable String directoryNote,
        String typeCode, String typeLabel, String dispCode, String dispName, List<String> quarters,
        String communeCode, String commune, @Nullable String departmentCode, @Nullable String departmentName,
        @Nullable String regionCode, @Nullable String regionName,
        @Nullable String overseasCollectivityCode, @Nullable String overseasCollectivityName,
        @Nullable String address, @Nullable String postcode, @Nullable String city,
        @Nullable Double latitude, @Nullable Double longitude, @Nullable String qualityNote, boolean active) {

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }
}
