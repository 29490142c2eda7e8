package fr.passerelle.reference.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the reference files into their tables. Each file is staged as-is (every column as text) in a
 * temporary table, then each target table gets one set-based upsert by code that touches only rows
 * whose values differ, and codes missing from the file are marked inactive (never deleted: companies,
 * offers and users point to them). Loading the same files twice changes nothing.
 */
final class ReferenceDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int BATCH_SIZE = 500;

    /** A file and the name of the temporary table its rows are staged in. */
    private record Staged(String fileName, String stagingTable) {
    }

    /**
     * One target table: its columns (the code first) and the query over staging tables that yields
     * them in that order. Parents come before children so that foreign keys hold.
     */
    private record Step(String table, List<String> columns, String source) {
    }

    private static final List<Staged> FILES = List.of(
            new Staged("disp.csv", "stage_disp"),
            new Staged("regions.csv", "stage_region"),
            new Staged("departements.csv", "stage_department"),
            new Staged("collectivites_outre_mer.csv", "stage_overseas_collectivity"),
            new Staged("communes_coordonnees.csv", "stage_commune"),
            new Staged("etablissements_penitentiaires.csv", "stage_establishment"),
            new Staged("naf_rev2_sous_classes.csv", "stage_naf"),
            new Staged("rome_grands_domaines.csv", "stage_rome_family"),
            new Staged("rome_domaines_professionnels.csv", "stage_rome_domain"),
            new Staged("rome_fiches_metiers.csv", "stage_rome_job"));

    private static final List<Step> STEPS = List.of(
            new Step("disp", List.of("code", "name", "seat"),
                    "select code_disp, nom_disp, siege from stage_disp"),
            new Step("region", List.of("code", "name", "seat_commune_code", "zone", "disp_code"),
                    "select code_region, nom_region, code_commune_chef_lieu, zone, disp from stage_region"),
            new Step("department", List.of("code", "name", "region_code", "seat_commune_code", "zone", "disp_code"),
                    "select code_departement, nom_departement, code_region, code_commune_chef_lieu, zone, disp from stage_department"),
            new Step("overseas_collectivity", List.of("code", "name", "disp_code"),
                    "select code_collectivite, nom_collectivite, disp from stage_overseas_collectivity"),
            new Step("commune", List.of("code", "name", "department_code", "latitude", "longitude"),
                    """
                    select code_commune, nom, code_departement, latitude::double precision, longitude::double precision
                    from stage_commune"""),
            new Step("establishment_type", List.of("code", "label"),
                    "select distinct on (type_code) type_code, type_libelle from stage_establishment order by type_code, type_libelle"),
            new Step("establishment", List.of("code", "type_code", "directory_name", "directory_note", "disp_code", "quarters",
                    "commune_code", "commune", "department_code", "region_code", "overseas_collectivity_code",
                    "address", "postcode", "city", "latitude", "longitude", "map_id", "quality_note"),
                    """
                    select etablissement_dgap, type_code, nom_annuaire, note_rattachement, disp,
                           coalesce(string_to_array(quartiers, ';'), '{}'),
                           code_commune, commune, code_departement, code_region, code_collectivite_outre_mer,
                           adresse, code_postal, ville, latitude::double precision, longitude::double precision,
                           cd_etablissement_carte, qc_note
                    from stage_establishment"""),
            new Step("naf_section", List.of("code", "label"),
                    "select distinct on (code_section) code_section, libelle_section from stage_naf order by code_section, libelle_section"),
            new Step("naf_division", List.of("code", "label", "section_code"),
                    """
                    select distinct on (code_division) code_division, libelle_division, code_section
                    from stage_naf order by code_division, libelle_division, code_section"""),
            new Step("naf_sub_class", List.of("code", "label", "label_65", "label_40", "class_code", "group_code",
                    "division_code", "section_code"),
                    """
                    select code_naf, libelle, libelle_65, libelle_40, code_classe, code_groupe, code_division, code_section
                    from stage_naf"""),
            new Step("rome_family", List.of("code", "label"),
                    "select code_grand_domaine, libelle_grand_domaine from stage_rome_family"),
            new Step("rome_domain", List.of("code", "label", "family_code"),
                    "select code_domaine_professionnel, libelle_domaine_professionnel, code_grand_domaine from stage_rome_domain"),
            new Step("rome_job", List.of("code", "label", "family_code", "domain_code", "parent_code", "ogr_code", "sheet_code",
                    "ecological_transition", "digital_transition", "demographic_transition", "regulated", "executive"),
                    """
                    select code_rome, libelle_rome, code_grand_domaine, code_domaine_professionnel, code_rome_parent,
                           code_ogr, code_fiche_metier, transition_eco,
                           case transition_num when 'O' then true when 'N' then false end,
                           case transition_demo when 'O' then true when 'N' then false end,
                           case emploi_reglemente when 'O' then true when 'N' then false end,
                           case emploi_cadre when 'O' then true when 'N' then false end
                    from stage_rome_job"""));

    private final ReferenceFiles files;

    /** The files the loader reads, in loading order. */
    static List<String> fileNames() {
        return FILES.stream().map(Staged::fileName).toList();
    }

    ReferenceDataLoader(ReferenceFiles files) {
        this.files = files;
    }

    /**
     * Brings every reference table in line with the files, on the caller's connection and within the
     * caller's transaction (Flyway's, when run as a migration).
     */
    List<TableLoad> load(Connection connection) throws SQLException, IOException {
        for (Staged file : FILES) {
            int rows = stage(connection, file);
            log.debug("Reference data: {} staged ({} rows)", file.fileName(), rows);
        }
        var loads = new ArrayList<TableLoad>();
        for (Step step : STEPS) {
            TableLoad load = apply(connection, step);
            log.info("Reference data: {} — {} rows in the files, {} inserted, {} updated, {} deactivated",
                    load.table(), load.rows(), load.inserted(), load.updated(), load.deactivated());
            loads.add(load);
        }
        try (Statement statement = connection.createStatement()) {
            for (Staged file : FILES) {
                statement.execute("drop table " + file.stagingTable());
            }
        }
        return loads;
    }

    private int stage(Connection connection, Staged file) throws SQLException, IOException {
        try (Reader reader = new InputStreamReader(files.open(file.fileName()), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<String> columns = parser.getHeaderNames();
            for (String column : columns) {
                if (!COLUMN_NAME.matcher(column).matches()) {
                    throw new IllegalStateException("Unexpected column name '" + column + "' in " + file.fileName());
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists pg_temp." + file.stagingTable());
                statement.execute("create temporary table " + file.stagingTable() + " ("
                        + columns.stream().map(column -> column + " text").collect(Collectors.joining(", ")) + ")");
            }
            String insert = "insert into " + file.stagingTable() + " values ("
                    + columns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
            int rows = 0;
            try (var statement = connection.prepareStatement(insert)) {
                for (CSVRecord record : parser) {
                    if (record.size() != columns.size()) {
                        throw new IllegalStateException(file.fileName() + " line " + parser.getCurrentLineNumber()
                                + ": " + record.size() + " values for " + columns.size() + " columns");
                    }
                    for (int i = 0; i < columns.size(); i++) {
                        String value = record.get(i).strip();
                        statement.setString(i + 1, value.isEmpty() ? null : value);
                    }
                    statement.addBatch();
                    if (++rows % BATCH_SIZE == 0) {
                        statement.executeBatch();
                    }
                }
                statement.executeBatch();
            }
            return rows;
        }
    }

    private static TableLoad apply(Connection connection, Step step) throws SQLException {
        String columns = String.join(", ", step.columns());
        List<String> values = step.columns().stream().skip(1).toList();
        String withSource = "with source (" + columns + ") as (" + step.source() + ")\n";
        String upsert = withSource
                + "insert into " + step.table() + " as t (" + columns + ", active)\n"
                + "select *, true from source\n"
                + "on conflict (code) do update set "
                + values.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")) + ", active = true\n"
                + "where (" + values.stream().map(c -> "t." + c).collect(Collectors.joining(", ")) + ", t.active)"
                + " is distinct from (" + values.stream().map(c -> "excluded." + c).collect(Collectors.joining(", ")) + ", true)\n"
                + "returning (xmax = 0) as inserted";
        String deactivate = withSource
                + "update " + step.table() + " t set active = false\n"
                + "where t.active and not exists (select 1 from source s where s.code = t.code)";
        String count = withSource + "select count(*) from source";

        int inserted = 0;
        int updated = 0;
        try (Statement statement = connection.createStatement()) {
            try (var result = statement.executeQuery(upsert)) {
                while (result.next()) {
                    if (result.getBoolean(1)) {
                        inserted++;
                    } else {
                        updated++;
                    }
                }
            }
            int deactivated = statement.executeUpdate(deactivate);
            int rows;
            try (var result = statement.executeQuery(count)) {
                result.next();
                rows = result.getInt(1);
            }
            return new TableLoad(step.table(), rows, inserted, updated, deactivated);
        }
    }
}
