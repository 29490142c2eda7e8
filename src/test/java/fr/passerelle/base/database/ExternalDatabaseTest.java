package fr.passerelle.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.Application;
import fr.passerelle.base.DatabaseMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/** With the standard datasource settings, Passerelle uses that server and starts no database of its own. */
class ExternalDatabaseTest {

    @Test
    void theStandardDatasourceSettingsSwitchToAnExternalServer() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            var jdbc = new JdbcTemplate(external.getPostgresDatabase());
            jdbc.execute("create user passerelle_app password 'secret-pw' superuser");
            jdbc.execute("create database passerelle_ext owner passerelle_app");
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/passerelle_ext";

            try (var context = new SpringApplicationBuilder(Application.class)
                    .web(WebApplicationType.NONE)
                    .profiles("test")
                    .properties(
                            "spring.datasource.url=" + url,
                            "spring.datasource.username=passerelle_app",
                            "spring.datasource.password=secret-pw",
                            "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                    + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration")
                    .run()) {
                assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
                DatabaseMode mode = context.getBean(DatabaseMode.class);
                assertThat(mode.embedded()).isFalse();
                assertThat(mode.description()).contains("passerelle_ext").doesNotContain("secret-pw");

                var appDb = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
                assertThat(appDb.queryForObject("select current_database()", String.class)).isEqualTo("passerelle_ext");
                assertThat(appDb.queryForObject("select count(*) from flyway_schema_history where success", Integer.class)).isPositive();
                assertThat(appDb.queryForList("select username from app_user", String.class))
                        .as("no demo accounts on an external database, one first administrator")
                        .containsExactly("admin");
            }
        }
    }
}
