package fr.passerelle.segment;

import fr.passerelle.segment.internal.SegmentQueries;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The addresses a filter reaches now, for a module that sends without a signed-in person: the campaign's fan-out runs
 * from an event, on the filter frozen when the campaign was launched (decision record 023), not on a saved segment.
 * People choose and change segments through {@link SegmentService}.
 */
@Component
public class SegmentRecipients {

    private final SegmentQueries queries;

    SegmentRecipients(SegmentQueries queries) {
        this.queries = queries;
    }

    /** Every address the filter writes to now, in keyset batches of {@code batchSize} by address; returns how many. */
    public long forEachBatch(SegmentFilter filter, int batchSize, Consumer<List<SegmentRecipient>> batch) {
        return queries.forEachRecipientBatch(filter, batchSize, batch);
    }
}
