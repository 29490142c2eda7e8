package fr.passerelle.base.database;

import fr.passerelle.base.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says once, at start-up, which database the application uses (never with a password). */
@Component
class DatabaseStartupLog {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartupLog.class);
    private final DatabaseMode mode;

    DatabaseStartupLog(DatabaseMode mode) {
        this.mode = mode;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("Database: {}", mode.description());
    }
}
