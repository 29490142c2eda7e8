package fr.passerelle.workshop;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What the staff list of spaces is narrowed to; null means "any". The search matches the space's label,
 * its current activity, the establishment's name and commune, accents and case ignored.
 */
public record WorkshopSpaceFilter(@Nullable String dispCode, @Nullable String regionCode, @Nullable Long establishmentId,
                                  @Nullable ActivityCategory activityCategory, @Nullable Availability availability,
                                  String search) implements Serializable {

    public WorkshopSpaceFilter {
        search = search.strip();
    }

    public static WorkshopSpaceFilter none() {
        return new WorkshopSpaceFilter(null, null, null, null, null, "");
    }

    public static WorkshopSpaceFilter ofDisp(@Nullable String dispCode) {
        return new WorkshopSpaceFilter(dispCode, null, null, null, null, "");
    }

    public static WorkshopSpaceFilter ofEstablishment(long establishmentId) {
        return new WorkshopSpaceFilter(null, null, establishmentId, null, null, "");
    }
}
