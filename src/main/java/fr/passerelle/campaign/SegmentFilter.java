package fr.passerelle.campaign;

import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.EngagementType;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.partner.WorkforceBracket;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a segment keeps: filters over partner companies (kind {@code COMPANY}), each empty set or null meaning "any".
 * Values of one filter are alternatives (DISP DIJON or DISP LYON); filters combine (and). Stored as JSON.
 *
 * @param dispCodes              the companies' DISP
 * @param regionCodes            their region (INSEE code)
 * @param departmentCodes        their department
 * @param nafSections            the section (A–U) of their NAF code
 * @param workforceBrackets      their INSEE workforce bracket
 * @param stages                 where they stand in the pipeline
 * @param engagementTypes        companies with an engagement of one of these types (whatever its status)
 * @param labels                 companies with one of these labels
 * @param noInteractionForMonths companies with no interaction in the last so many months (or none ever); null for any
 * @param offers                 whether they declared an offer
 */
public record SegmentFilter(Set<String> dispCodes, Set<String> regionCodes, Set<String> departmentCodes,
                            Set<String> nafSections, Set<WorkforceBracket> workforceBrackets, Set<PipelineStage> stages,
                            Set<EngagementType> engagementTypes, Set<CompanyLabel> labels,
                            @Nullable Integer noInteractionForMonths, OfferPresence offers) {

    /** The longest "no interaction for" the editor offers: ten years. */
    public static final int MAX_MONTHS = 120;

    @SuppressWarnings("ConstantValue")
    public SegmentFilter {
        dispCodes = copy(dispCodes);
        regionCodes = copy(regionCodes);
        departmentCodes = copy(departmentCodes);
        nafSections = copy(nafSections);
        workforceBrackets = copy(workforceBrackets);
        stages = copy(stages);
        engagementTypes = copy(engagementTypes);
        labels = copy(labels);
        offers = offers == null ? OfferPresence.ANY : offers;
    }

    /** Every company with contacts. */
    public static SegmentFilter none() {
        return new SegmentFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null,
                OfferPresence.ANY);
    }

    public SegmentFilter withDisps(Set<String> codes) {
        return new SegmentFilter(codes, regionCodes, departmentCodes, nafSections, workforceBrackets, stages, engagementTypes,
                labels, noInteractionForMonths, offers);
    }

    public SegmentFilter withNafSections(Set<String> codes) {
        return new SegmentFilter(dispCodes, regionCodes, departmentCodes, codes, workforceBrackets, stages, engagementTypes,
                labels, noInteractionForMonths, offers);
    }

    public SegmentFilter withNoInteractionForMonths(@Nullable Integer months) {
        return new SegmentFilter(dispCodes, regionCodes, departmentCodes, nafSections, workforceBrackets, stages,
                engagementTypes, labels, months, offers);
    }

    public SegmentFilter withOffers(OfferPresence presence) {
        return new SegmentFilter(dispCodes, regionCodes, departmentCodes, nafSections, workforceBrackets, stages,
                engagementTypes, labels, noInteractionForMonths, presence);
    }

    private static <T> Set<T> copy(@Nullable Set<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    /** Whether the companies have declared an offer: on the portal or recorded by a referent, in any state. */
    public enum OfferPresence {
        ANY, WITH_OFFER, WITHOUT_OFFER;

        public String translationKey() {
            return "campaign.segment.offers." + name();
        }
    }
}
