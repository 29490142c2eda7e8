package fr.passerelle.campaign;

import fr.passerelle.mail.MailStreamPaused;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What moves campaigns without anyone asking: the job (ShedLock, one instance at a time, decision record 009) launches
 * scheduled campaigns whose time has come (by the {@link Clock} bean) and marks {@code SENT} those with nothing left to
 * send; a stream that paused itself past its error limit pauses its campaign, with the reason.
 */
@Component
class CampaignSchedule {

    private static final Logger log = LoggerFactory.getLogger(CampaignSchedule.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CampaignTransitions transitions;
    private final Clock clock;

    CampaignSchedule(JdbcClient jdbc, PlatformTransactionManager transactions, CampaignTransitions transitions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transitions = transitions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${passerelle.campaign.schedule-interval:PT20S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "campaign-schedule", lockAtMostFor = "PT5M")
    void onSchedule() {
        launchDue();
        completeFinished();
    }

    /** Launches the scheduled campaigns whose time has come; returns how many. */
    int launchDue() {
        List<Long> due = jdbc.sql("select id from campaign where state = 'SCHEDULED' and scheduled_at <= :now order by scheduled_at")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).query(Long.class).list();
        int launched = 0;
        for (long id : due) {
            if (Boolean.TRUE.equals(transaction.execute(status -> transitions.launch(id, null)))) {
                log.info("Campaign {}: launched at its scheduled time", id);
                launched++;
            }
        }
        return launched;
    }

    /** Marks sent the campaigns whose recipients were all written and sent (or failed, skipped); returns how many. */
    int completeFinished() {
        int completed = 0;
        for (long id : jdbc.sql("select id from campaign where state = 'SENDING' and fanned_out_at is not null").query(Long.class).list()) {
            if (transitions.completeIfDone(id)) {
                completed++;
            }
        }
        return completed;
    }

    @ApplicationModuleListener
    void on(MailStreamPaused paused) {
        long id = CampaignComposer.campaignOf(paused.stream());
        if (id > 0 && transitions.move(id, Set.of(CampaignState.SENDING), CampaignState.PAUSED, null, paused.reason()).isPresent()) {
            log.warn("Campaign {}: paused by its delivery: {}", id, paused.reason());
        }
    }
}
