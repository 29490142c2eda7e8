package fr.passerelle.partner.companypage;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Audited changes another module adds to a company's history tab (its offers' audit trail). */
public interface CompanyHistorySource {

    /** The company's audited changes from this source, in any order (the tab sorts them with its own). */
    List<Change> history(long companyId);

    /**
     * @param what   what changed, e.g. "Offre « Soudeur » modifiée"
     * @param fields the fields that changed, in reading order
     */
    record Change(Instant at, String author, PageText what, List<Field> fields) {
        public Change {
            fields = List.copyOf(fields);
        }
    }

    /** A field's label key and its values before and after: text, {@link PageText} or dates, null for none. */
    record Field(String labelKey, @Nullable Object before, @Nullable Object after) {
    }
}
