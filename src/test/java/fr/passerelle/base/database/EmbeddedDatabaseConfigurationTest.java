package fr.passerelle.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.base.EmbeddedDatabaseInUseException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedDatabaseConfigurationTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartInTheConfiguredDirectory() throws Exception {
        var configuration = new EmbeddedDatabaseConfiguration();
        var properties = new EmbeddedDatabaseProperties(dataDir.resolve("postgres").toString(), 0);

        try (var pg = configuration.embeddedPostgres(properties); var dataSource = configuration.dataSource(pg)) {
            var jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table kept (value text)");
            jdbc.update("insert into kept values ('Châteaudun')");
            assertThat(configuration.databaseMode(pg, properties).embedded()).isTrue();
            assertThat(configuration.databaseMode(pg, properties).description()).contains(dataDir.toString());
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        }

        try (var pg = configuration.embeddedPostgres(properties); var dataSource = configuration.dataSource(pg)) {
            assertThat(new JdbcTemplate(dataSource).queryForObject("select value from kept", String.class)).isEqualTo("Châteaudun");
        }
    }

    @Test
    void aDirectoryWhoseServerIsRunningIsReportedInUseAndLeftAlone() throws Exception {
        var configuration = new EmbeddedDatabaseConfiguration();
        var properties = new EmbeddedDatabaseProperties(dataDir.resolve("postgres").toString(), 0);

        try (var running = configuration.embeddedPostgres(properties); var dataSource = configuration.dataSource(running)) {
            assertThatThrownBy(() -> configuration.embeddedPostgres(properties))
                    .isInstanceOfSatisfying(EmbeddedDatabaseInUseException.class, e -> {
                        assertThat(e.dataDirectory()).isEqualTo(dataDir.resolve("postgres").toAbsolutePath().normalize());
                        assertThat(e.getMessage()).contains("already in use");
                    });
            assertThat(new JdbcTemplate(dataSource).queryForObject("select 1", Integer.class)).as("the first server still runs").isEqualTo(1);
        }
    }
}
