package fr.passerelle.base.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.passerelle.base.DatabaseMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
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
        if (StringUtils.hasText(properties.dataDir())) {
            Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            // The data must survive a crash, so durability settings zonky turns off go back on.
            builder.setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        long start = System.nanoTime();
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL started on port {} in {} ms", pg.getPort(), (System.nanoTime() - start) / 1_000_000);
        return pg;
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
