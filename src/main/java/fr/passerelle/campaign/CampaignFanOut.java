package fr.passerelle.campaign;

import fr.passerelle.campaign.internal.SegmentQueries;
import fr.passerelle.mail.MailOutbox;
import fr.passerelle.mail.MailStreams;
import fr.passerelle.mail.StreamProgress;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a launched campaign's recipients into its outbox stream: the frozen segment filter's addresses in keyset batches,
 * each batch one {@link MailOutbox#enqueueComposed} in its own transaction (ref = contact id), so that the first messages
 * leave while the fan-out goes on. It runs from {@link CampaignLaunched} through Spring Modulith's event publication
 * registry: the publication was stored with the launch, is completed when this returns, and is resubmitted on restart if
 * a crash interrupted it. Running twice writes each recipient once (the stream is unique on ref).
 */
@Component
class CampaignFanOut {

    private static final Logger log = LoggerFactory.getLogger(CampaignFanOut.class);

    private final JdbcClient jdbc;
    private final SegmentQueries queries;
    private final MailOutbox outbox;
    private final MailStreams streams;
    private final CampaignTransitions transitions;
    private final JsonMapper json;
    private final int batchSize;

    CampaignFanOut(JdbcClient jdbc, SegmentQueries queries, MailOutbox outbox, MailStreams streams, CampaignTransitions transitions,
                   JsonMapper json, @Value("${passerelle.campaign.fan-out-batch:5000}") int batchSize) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.outbox = outbox;
        this.streams = streams;
        this.transitions = transitions;
        this.json = json;
        this.batchSize = batchSize;
    }

    /** No transaction of its own: each batch commits apart (an enqueue holds the stream's row shared while it runs). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CampaignLaunched launched) {
        fanOut(launched.campaignId());
    }

    /** Writes the campaign's recipients; returns how many rows were added (0 when it was done already or cancelled). */
    int fanOut(long campaignId) {
        var campaign = jdbc.sql("select state, segment_filter from campaign where id = :id").param("id", campaignId)
                .query((rs, row) -> Map.entry(CampaignState.valueOf(rs.getString(1)), String.valueOf(rs.getString(2))))
                .optional().orElse(null);
        if (campaign == null || (campaign.getKey() != CampaignState.SENDING && campaign.getKey() != CampaignState.PAUSED)) {
            return 0;
        }
        String stream = CampaignService.stream(campaignId);
        SegmentFilter filter = json.readValue(campaign.getValue(), SegmentFilter.class);
        int[] written = {0};
        try {
            queries.forEachRecipientBatch(filter, batchSize, batch -> written[0] += outbox.enqueueComposed(CampaignMessages.KIND, stream,
                    batch.stream().map(r -> new MailOutbox.Recipient(r.address(), r.contactId())).toList()));
        } catch (IllegalStateException e) {
            if (streams.progress(stream).state() == StreamProgress.State.CANCELLED) {
                log.info("Campaign {}: cancelled during its fan-out, after {} recipients", campaignId, written[0]);
                return written[0];
            }
            throw e;
        }
        long total = streams.progress(stream).counts().total();
        jdbc.sql("""
                        update campaign set fanned_out_at = coalesce(fanned_out_at, now()), recipients = :total
                        where id = :id and state in ('SENDING', 'PAUSED')""")
                .param("total", total).param("id", campaignId).update();
        log.info("Campaign {}: {} recipients written into its stream ({} in all)", campaignId, written[0], total);
        transitions.completeIfDone(campaignId);
        return written[0];
    }
}
