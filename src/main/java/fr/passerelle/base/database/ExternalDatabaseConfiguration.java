package fr.passerelle.base.database;

import fr.passerelle.base.DatabaseMode;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** An external PostgreSQL given by the standard {@code spring.datasource.*} settings. */
@Configuration(proxyBeanMethods = false)
@Conditional(DatasourceUrlCondition.class)
class ExternalDatabaseConfiguration {

    @Bean
    DatabaseMode databaseMode(Environment env) {
        String url = env.getRequiredProperty("spring.datasource.url");
        // A JDBC URL may carry a password as a parameter: keep only what locates the server.
        int query = url.indexOf('?');
        String safeUrl = query < 0 ? url : url.substring(0, query);
        return new DatabaseMode(false, "external PostgreSQL at " + safeUrl
                + " as " + env.getProperty("spring.datasource.username", "(default user)"));
    }
}
