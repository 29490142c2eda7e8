package fr.passerelle.partner;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The filters of the companies list; also what a saved view remembers. */
public record CompanyFilter(@Nullable String dispCode, @Nullable String departmentCode, Set<PipelineStage> stages,
                            @Nullable EngagementType engagementType, @Nullable String sectionCode, @Nullable Long ownerId,
                            @Nullable CompanyLabel label, String search) {

    public CompanyFilter {
        stages = Set.copyOf(stages);
        search = search == null ? "" : search;
    }

    public static CompanyFilter none() {
        return new CompanyFilter(null, null, Set.of(), null, null, null, null, "");
    }

    public CompanyFilter withSearch(String text) {
        return new CompanyFilter(dispCode, departmentCode, stages, engagementType, sectionCode, ownerId, label, text);
    }

    public CompanyFilter withDisp(@Nullable String disp) {
        return new CompanyFilter(disp, departmentCode, stages, engagementType, sectionCode, ownerId, label, search);
    }
}
