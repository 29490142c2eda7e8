package fr.passerelle.campaign;

import fr.passerelle.mail.MailStreams;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of a campaign's state, each a conditional update of its row (so that a user, the schedule and the delivery
 * acting at once on any instance agree) recorded in {@code campaign_state_change}. Callers check who may ask.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class CampaignTransitions {

    private final JdbcClient jdbc;
    private final MailStreams streams;
    private final ApplicationEventPublisher events;

    CampaignTransitions(JdbcClient jdbc, MailStreams streams, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.streams = streams;
        this.events = events;
    }

    /**
     * Moves the campaign to {@code to} if it is in one of {@code from}; the state it was in, or empty when it was not in
     * one of them. Sets what goes with the new state: the launch time, the end time, the pause reason.
     */
    Optional<CampaignState> move(long id, Set<CampaignState> from, CampaignState to, @Nullable Long actorId, @Nullable String reason) {
        Optional<CampaignState> before = jdbc.sql("""
                        with old as (select id, state from campaign where id = :id and state in (:from) for update)
                        update campaign c set state = :to, updated_at = now(), version = c.version + 1,
                               launched_at = case when :to = 'SENDING' then coalesce(c.launched_at, now()) else c.launched_at end,
                               finished_at = case when :to in ('SENT', 'CANCELLED') then now() else null end,
                               pause_reason = case when :to = 'PAUSED' then coalesce(:reason, '-') else null end
                        from old where c.id = old.id
                        returning old.state""")
                .param("id", id).param("from", from.stream().map(Enum::name).toList()).param("to", to.name())
                .param("reason", reason)
                .query(String.class).optional().map(CampaignState::valueOf);
        before.ifPresent(state -> record(id, state, to, actorId, reason));
        return before;
    }

    void record(long id, @Nullable CampaignState from, CampaignState to, @Nullable Long actorId, @Nullable String reason) {
        jdbc.sql("""
                        insert into campaign_state_change (campaign_id, from_state, to_state, actor_id, reason)
                        values (:id, :from, :to, :actor, :reason)""")
                .param("id", id).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actor", actorId == null || actorId == 0 ? null : actorId).param("reason", reason).update();
    }

    /**
     * Sends a frozen campaign (a draft frozen by the caller, or a scheduled one): opens its stream with its rate and error
     * limit and publishes {@link CampaignLaunched}, whose publication is stored with this transaction. False when it was
     * neither a draft nor scheduled any more.
     */
    boolean launch(long id, @Nullable Long actorId) {
        if (move(id, Set.of(CampaignState.DRAFT, CampaignState.SCHEDULED), CampaignState.SENDING, actorId, null).isEmpty()) {
            return false;
        }
        var limits = jdbc.sql("select per_minute, max_error_rate from campaign where id = :id").param("id", id)
                .query((rs, row) -> new Object[]{rs.getObject(1, Integer.class), rs.getObject(2, Double.class)}).single();
        streams.open(CampaignService.stream(id), (Integer) limits[0], (Double) limits[1]);
        events.publishEvent(new CampaignLaunched(id));
        return true;
    }

    /** {@code SENDING → SENT} once every recipient was written and nothing is left to send; true when it moved. */
    @Transactional
    boolean completeIfDone(long id) {
        boolean fannedOut = jdbc.sql("select exists (select 1 from campaign where id = :id and state = 'SENDING' and fanned_out_at is not null)")
                .param("id", id).query(Boolean.class).single();
        boolean done = fannedOut && streams.progress(CampaignService.stream(id)).counts().finished();
        return done && move(id, Set.of(CampaignState.SENDING), CampaignState.SENT, null, null).isPresent();
    }
}
