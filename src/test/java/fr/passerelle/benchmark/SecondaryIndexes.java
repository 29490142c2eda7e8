package fr.passerelle.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loading as pg_restore does: the secondary indexes of some tables are dropped before a bulk {@code COPY}
 * and built once after the rows are in, rather than updated row by row. Constraints (and the indexes
 * behind them), foreign keys and triggers all run as usual.
 */
public final class SecondaryIndexes {

    private final List<String> definitions;

    private SecondaryIndexes(List<String> definitions) {
        this.definitions = definitions;
    }

    /**
     * Drops the indexes of these tables that no constraint uses (neither a primary key or unique constraint of
     * its own nor a foreign key that references their columns); {@link #rebuild} builds them again.
     */
    public static SecondaryIndexes drop(JdbcClient jdbc, Connection connection, String... tables) throws SQLException {
        List<String> definitions = jdbc.sql("""
                        select indexdef from pg_indexes i
                        where i.schemaname = 'public' and i.tablename in (:tables)
                          and not exists (select 1 from pg_constraint k
                                          where k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
                        """).param("tables", List.of(tables)).query(String.class).list();
        try (var statement = connection.createStatement()) {
            for (String index : definitions) {
                statement.execute("drop index " + index.replaceAll("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
            }
        }
        return new SecondaryIndexes(definitions);
    }

    /** Builds the dropped indexes again; returns how many. */
    public int rebuild(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("set maintenance_work_mem = '256MB'");
            for (String index : definitions) {
                statement.execute(index);
            }
        }
        return definitions.size();
    }
}
