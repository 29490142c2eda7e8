package fr.passerelle.optout.internal;

import jakarta.mail.MessagingException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the bounce mailbox every {@code passerelle.mail.bounces.interval} (5 minutes), on one instance at a time
 * (ShedLock, decision record 009). Does nothing while {@code passerelle.mail.bounces.imap.host} is unset. A mailbox
 * that cannot be reached is logged and tried again at the next run.
 */
@Component
@EnableConfigurationProperties(BounceMailboxSettings.class)
class BounceMailboxJob {

    private static final Logger log = LoggerFactory.getLogger(BounceMailboxJob.class);

    private final BounceMailbox mailbox;
    private final BounceMailboxSettings settings;

    BounceMailboxJob(BounceMailbox mailbox, BounceMailboxSettings settings) {
        this.mailbox = mailbox;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${passerelle.mail.bounces.interval:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "optout-bounce-mailbox", lockAtMostFor = "PT30M")
    void onSchedule() {
        if (!settings.configured()) {
            return;
        }
        try {
            mailbox.read(settings);
        } catch (MessagingException | RuntimeException e) {
            log.warn("Bounce mailbox {}@{} could not be read: {}", settings.user(), settings.host(), e.toString());
        }
    }
}
