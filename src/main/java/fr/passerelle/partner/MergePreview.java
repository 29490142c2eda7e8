package fr.passerelle.partner;

import java.util.List;

/**
 * What merging {@code merged} into {@code kept} will do, shown before it is applied.
 *
 * @param filledFields the kept company's empty fields that the merged one fills (translation keys of their labels)
 * @param result       the kept company as it will be after the merge
 */
public record MergePreview(CompanyDetails kept, CompanyDetails merged, CompanyDraft result, List<String> filledFields,
                           long contacts, long engagements, long interactions, long tasks, long pipelineMoves) {
}
