package fr.passerelle.mail.internal;

import fr.passerelle.mail.MailServerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says once at start-up where the application's mail goes, so that nobody wonders why it never arrived. */
@Component
class MailServerLog {

    private static final Logger log = LoggerFactory.getLogger(MailServerLog.class);
    private final MailServerInfo server;

    MailServerLog(MailServerInfo server) {
        this.server = server;
    }

    @EventListener(ApplicationStartedEvent.class)
    void started() {
        if (server.embedded()) {
            log.info("SMTP server in use: {} — nothing leaves this machine; administrators read the messages in the Mailbox view"
                    + " (set SPRING_MAIL_HOST to use a real server)", server.description());
        } else {
            log.info("SMTP server in use: {}", server.description());
        }
    }
}
