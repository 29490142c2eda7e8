package fr.passerelle.base;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the modules' {@link DemoSeeder}s in order once the application is ready, in demo mode only
 * (the embedded default, or {@code PASSERELLE_DEMO=true}).
 */
@Component
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ObjectProvider<DemoSeeder> seeders;
    private final boolean enabled;

    DemoData(ObjectProvider<DemoSeeder> seeders, DatabaseMode databaseMode,
             @Value("${passerelle.demo:#{null}}") @Nullable Boolean demo) {
        this.seeders = seeders;
        this.enabled = demo != null ? demo : databaseMode.embedded();
    }

    /** Whether this run creates demo accounts and data. */
    public boolean enabled() {
        return enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedWhenReady() {
        if (enabled) {
            seedAll();
        }
    }

    /** Every seeder, in order; returns what each created. */
    public List<Result> seedAll() {
        return seeders.stream().sorted(Comparator.comparingInt(DemoSeeder::order)).map(this::seed).toList();
    }

    private Result seed(DemoSeeder seeder) {
        long start = System.nanoTime();
        try {
            int created = seeder.seed();
            if (created > 0) {
                log.info("Demo data: {} created {} rows in {} ms", seeder.name(), created, (System.nanoTime() - start) / 1_000_000);
            }
            return new Result(seeder.name(), created, null);
        } catch (RuntimeException e) {
            // The application is usable without this module's demo data; say why it is missing.
            log.error("Demo data: {} could not be created", seeder.name(), e);
            return new Result(seeder.name(), 0, e);
        }
    }

    public record Result(String name, int created, @Nullable RuntimeException failure) {
    }
}
