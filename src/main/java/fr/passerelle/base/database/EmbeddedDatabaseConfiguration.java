package fr.passerelle.base.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.passerelle.base.DatabaseMode;
import fr.passerelle.base.EmbeddedDatabaseInUseException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The zero-setup default: with no {@code spring.datasource.url}, Passerelle runs its own PostgreSQL
 * (real binaries shipped in a Maven artifact) and keeps its data on disk between restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setPort(properties.port())
                // Spring closes the server after the connection pool; zonky's own JVM hook would stop it
                // while requests are still being finished during a graceful shutdown.
                .setRegisterShutdownHook(false)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8");
        @Nullable Path dir = null;
        if (StringUtils.hasText(properties.dataDir())) {
            dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            Optional<String> running = runningServer(dir);
            if (running.isPresent()) {
                throw new EmbeddedDatabaseInUseException(dir, running.get());
            }
            // The data must survive a crash, so durability settings zonky turns off go back on.
            builder.setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        long start = System.nanoTime();
        EmbeddedPostgres pg;
        try {
            pg = builder.start();
        } catch (IllegalStateException e) {
            // zonky holds a file lock on the directory while its server runs: another JVM got there first.
            if (dir != null && String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new EmbeddedDatabaseInUseException(dir, e.getMessage());
            }
            throw e;
        }
        log.info("Embedded PostgreSQL started on port {} in {} ms", pg.getPort(), (System.nanoTime() - start) / 1_000_000);
        return pg;
    }

    /**
     * The server already running on the directory, if any: PostgreSQL's own {@code postmaster.pid} names
     * a live {@code postgres} process. That covers the web application and a server left running by a
     * process that was killed.
     */
    static Optional<String> runningServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            long pid = Long.parseLong(firstLine);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(true))
                    .map(process -> "PostgreSQL server process " + pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres pg) {
        var config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("passerelle-embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    @Bean
    DatabaseMode databaseMode(EmbeddedPostgres pg, EmbeddedDatabaseProperties properties) {
        String where = StringUtils.hasText(properties.dataDir())
                ? "data in " + Path.of(properties.dataDir()).toAbsolutePath().normalize()
                : "throw-away data";
        return new DatabaseMode(true, "embedded PostgreSQL on localhost:" + pg.getPort() + " (" + where + ")");
    }
}
