package fr.passerelle.base.database;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param dataDir where the cluster keeps its files; blank for a throw-away cluster (tests)
 * @param port    TCP port on localhost; 0 picks a free one
 */
@ConfigurationProperties("passerelle.embedded-db")
record EmbeddedDatabaseProperties(@Nullable String dataDir, int port) {
}
