package fr.passerelle.partner;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the companies list; also what a saved view remembers (as JSON: a view saved before the
 * kinds existed reads as every kind).
 *
 * @param kinds the kinds of partner shown (decision record 015); empty for every kind
 */
public record CompanyFilter(@Nullable String dispCode, @Nullable String departmentCode, Set<PipelineStage> stages,
                            @Nullable EngagementType engagementType, @Nullable String sectionCode, @Nullable Long ownerId,
                            @Nullable CompanyLabel label, String search, Set<PartnerKind> kinds) {

    @SuppressWarnings("ConstantValue")
    public CompanyFilter {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        search = search == null ? "" : search;
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    /** Every kind of partner. */
    public CompanyFilter(@Nullable String dispCode, @Nullable String departmentCode, Set<PipelineStage> stages,
                         @Nullable EngagementType engagementType, @Nullable String sectionCode, @Nullable Long ownerId,
                         @Nullable CompanyLabel label, String search) {
        this(dispCode, departmentCode, stages, engagementType, sectionCode, ownerId, label, search, Set.of());
    }

    public static CompanyFilter none() {
        return new CompanyFilter(null, null, Set.of(), null, null, null, null, "", Set.of());
    }

    public CompanyFilter withSearch(String text) {
        return new CompanyFilter(dispCode, departmentCode, stages, engagementType, sectionCode, ownerId, label, text, kinds);
    }

    public CompanyFilter withDisp(@Nullable String disp) {
        return new CompanyFilter(disp, departmentCode, stages, engagementType, sectionCode, ownerId, label, search, kinds);
    }

    public CompanyFilter withKinds(Set<PartnerKind> shown) {
        return new CompanyFilter(dispCode, departmentCode, stages, engagementType, sectionCode, ownerId, label, search, shown);
    }

    public CompanyFilter withStages(Set<PipelineStage> shown) {
        return new CompanyFilter(dispCode, departmentCode, shown, engagementType, sectionCode, ownerId, label, search, kinds);
    }
}
