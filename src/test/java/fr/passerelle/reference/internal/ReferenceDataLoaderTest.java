package fr.passerelle.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

class ReferenceDataLoaderTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("disp", "region", "department", "overseas_collectivity", "commune",
            "establishment_type", "establishment", "naf_section", "naf_division", "naf_sub_class",
            "rome_family", "rome_domain", "rome_job");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path folder;

    @Test
    void theMigrationsFillAnEmptyDatabaseWithThePublishedReferenceData() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where description = 'reference data' and success")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(activeRows("disp")).isEqualTo(10);
        assertThat(activeRows("region")).isEqualTo(18);
        assertThat(activeRows("department")).isEqualTo(101);
        assertThat(activeRows("overseas_collectivity")).isEqualTo(8);
        assertThat(activeRows("commune")).isEqualTo(34_963);
        assertThat(activeRows("establishment")).isEqualTo(186);
        assertThat(activeRows("naf_sub_class")).isEqualTo(732);
        assertThat(activeRows("naf_section")).isEqualTo(21);
        assertThat(activeRows("naf_division")).isEqualTo(88);
        assertThat(activeRows("rome_job")).isEqualTo(1584);
        assertThat(activeRows("rome_domain")).isEqualTo(110);
        assertThat(activeRows("rome_family")).isEqualTo(14);
        Map<String, Long> byType = jdbc.sql("select type_code, count(*) as n from establishment where active group by type_code")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of("MA", 73L, "CP", 67L, "CD", 26L, "CSL", 9L, "EPM", 6L, "MC", 5L));
        for (String table : TABLES) {
            assertThat(jdbc.sql("select count(*) from " + table + " where not active").query(Long.class).single())
                    .as("inactive rows in " + table).isZero();
        }
    }

    @Test
    void theLoadedValuesKeepTheirMeaning() {
        var chateaudun = jdbc.sql("""
                select name, commune, department_code, region_code, disp_code, latitude, quarters::text
                from establishment where code = 'CD CHATEAUDUN'""")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), String.valueOf(rs.getObject(6)), rs.getString(7))).single();
        assertThat(chateaudun).containsExactly("Centre de détention de Châteaudun", "Châteaudun", "28", "24",
                "DISP DIJON", "null", "{CD/QCD}");
        assertThat(jdbc.sql("select name from establishment where code = 'CD EYSSES'").query(String.class).single())
                .as("no directory name: the DGAP label stands in").isEqualTo("CD EYSSES");
        assertThat(jdbc.sql("select overseas_collectivity_code from establishment where code = 'CD KONE'").query(String.class).single())
                .isEqualTo("988");
        assertThat(jdbc.sql("select parent_code || ' ' || regulated from rome_job where code = 'A1201'").query(String.class).single())
                .isEqualTo("A1201 false");
        assertThat(jdbc.sql("""
                select name || ' ' || department_code || ' ' || latitude || ' ' || longitude from commune
                where department_code = '42' and name_key = commune_key('ST ETIENNE')""").query(String.class).single())
                .as("a name typed without accents, hyphen nor 'Saint' in full").isEqualTo("Saint-Étienne 42 45.425 4.367");
        assertThat(jdbc.sql("select name from commune where code = '2A004'").query(String.class).single()).isEqualTo("Ajaccio");
        assertThat(jdbc.sql("""
                select round(great_circle_km(d.latitude, d.longitude, t.latitude, t.longitude)::numeric, 1)
                from commune d, commune t where d.name = 'Dijon' and t.code = '37261'""").query(Double.class).single())
                .as("Dijon–Tours as the crow flies").isEqualTo(326.7);
    }

    @Test
    void loadingTheSameFilesAgainChangesNothing() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            List<TableLoad> loads = load(ReferenceFiles.classpath());

            assertThat(loads).extracting(TableLoad::table).containsExactlyElementsOf(TABLES);
            assertThat(loads).allSatisfy(load -> assertThat(load.changedAnything()).as(load.toString()).isFalse());
            assertThat(loads).filteredOn(load -> load.table().equals("establishment")).singleElement()
                    .extracting(TableLoad::rows).isEqualTo(186);
            for (String table : TABLES) {
                assertThat(jdbc.sql("select count(*) from " + table + " where xmin = pg_current_xact_id()::xid").query(Long.class).single())
                        .as("rows rewritten in " + table).isZero();
            }
        });
        assertThat(activeRows("establishment")).isEqualTo(186);
    }

    @Test
    void aChangedFileUpdatesRowsByCodeAndAMissingRowIsDeactivatedNotDeleted() throws IOException {
        copyPublishedFiles();
        edit("etablissements_penitentiaires.csv", lines -> lines.stream()
                .filter(line -> !line.startsWith("CD ARGENTAN,"))
                .map(line -> line.startsWith("MA MONTBELIARD,") ? line.replace(",25200,", ",25201,") : line)
                .toList());
        edit("rome_fiches_metiers.csv", lines -> {
            var changed = new java.util.ArrayList<>(lines);
            changed.add("F1699,Poseur / Poseuse de test,F,F16,F1603,N,999999,99999,Emploi Blanc,N,N,N,N");
            return changed;
        });
        long montbeliard = jdbc.sql("select id from establishment where code = 'MA MONTBELIARD'").query(Long.class).single();

        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Map<String, TableLoad> loads = byTable(load(ReferenceFiles.directory(folder)));

            assertThat(loads.get("establishment")).isEqualTo(new TableLoad("establishment", 185, 0, 1, 1));
            assertThat(loads.get("rome_job")).isEqualTo(new TableLoad("rome_job", 1585, 1, 0, 0));
            assertThat(loads.values()).filteredOn(load -> !List.of("establishment", "rome_job").contains(load.table()))
                    .allSatisfy(load -> assertThat(load.changedAnything()).as(load.table()).isFalse());
            assertThat(jdbc.sql("select postcode from establishment where id = :id").param("id", montbeliard).query(String.class).single())
                    .as("updated in place, same id").isEqualTo("25201");
            assertThat(jdbc.sql("select active from establishment where code = 'CD ARGENTAN'").query(Boolean.class).single())
                    .as("still there, inactive").isFalse();
            assertThat(activeRows("establishment")).isEqualTo(185);
            assertThat(jdbc.sql("select label from rome_job where code = 'F1699'").query(String.class).single())
                    .isEqualTo("Poseur / Poseuse de test");

            Map<String, TableLoad> back = byTable(load(ReferenceFiles.classpath()));
            assertThat(back.get("establishment")).as("the address restored and the row back").isEqualTo(new TableLoad("establishment", 186, 0, 2, 0));
            assertThat(back.get("rome_job")).isEqualTo(new TableLoad("rome_job", 1584, 0, 0, 1));
            assertThat(activeRows("establishment")).isEqualTo(186);
        });
        assertThat(jdbc.sql("select count(*) from rome_job where code = 'F1699'").query(Long.class).single()).as("rolled back").isZero();
    }

    private List<TableLoad> load(ReferenceFiles files) {
        try {
            return new ReferenceDataLoader(files).load(DataSourceUtils.getConnection(dataSource));
        } catch (SQLException | IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, TableLoad> byTable(List<TableLoad> loads) {
        return loads.stream().collect(Collectors.toMap(TableLoad::table, load -> load));
    }

    private long activeRows(String table) {
        return jdbc.sql("select count(*) from " + table + " where active").query(Long.class).single();
    }

    private void copyPublishedFiles() throws IOException {
        for (String fileName : ReferenceDataLoader.fileNames()) {
            try (InputStream in = ReferenceFiles.classpath().open(fileName)) {
                Files.copy(in, folder.resolve(fileName));
            }
        }
    }

    private void edit(String fileName, java.util.function.UnaryOperator<List<String>> change) throws IOException {
        Path file = folder.resolve(fileName);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, change.apply(lines), StandardCharsets.UTF_8);
    }
}
