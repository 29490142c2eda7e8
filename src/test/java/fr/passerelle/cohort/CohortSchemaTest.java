package fr.passerelle.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Participants are people in prison: no table of the cohort module may have a column that looks like a name, a
 * birth date, a prison number, an offence or a sentence (in French or English), nor contact details.
 */
class CohortSchemaTest extends IntegrationTest {

    private static final Set<String> TABLES = Set.of("programme", "cohort", "cohort_rome_job", "cohort_partner", "cohort_offer",
            "participant", "participant_read");
    /** Anywhere in a column name. */
    private static final Pattern IDENTIFYING = Pattern.compile(
            "name|nom_|prenom|surname|birth|naissance|born|\\bdob\\b|prison|ecrou|écrou|offen[cs]e|infraction|crime|delit|"
                    + "sentence|peine|condamn|conviction|judgment|jugement|detenu|inmate|address|adresse|phone|telephone|email|mail|"
                    + "nir|ssn|social_security|photo|gender|sexe|nationality|nationalite");
    /** A whole word of a column name (between underscores). */
    private static final Set<String> IDENTIFYING_WORDS = Set.of("nom", "age", "dob", "nir", "ssn", "sexe", "sex");

    @Autowired
    JdbcClient jdbc;

    @Test
    void noCohortTableHasAColumnThatLooksIdentifying() {
        List<String[]> columns = jdbc.sql("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = current_schema() and (table_name = any (:tables) or table_name = any (:audited))""")
                .param("tables", TABLES.toArray(String[]::new))
                .param("audited", TABLES.stream().map(t -> t + "_aud").toArray(String[]::new))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();

        assertThat(columns).extracting(c -> c[0]).as("every table is read").containsAll(TABLES).contains("participant_aud", "cohort_aud");
        assertThat(columns).filteredOn(c -> looksIdentifying(c[1]))
                .extracting(c -> c[0] + "." + c[1]).isEmpty();
    }

    @Test
    void theCheckWouldCatchAnIdentifyingColumn() {
        assertThat(List.of("last_name", "birth_date", "numero_ecrou", "offence", "peine_restante", "date_naissance", "nom",
                "prison_number", "sentence_end")).allMatch(CohortSchemaTest::looksIdentifying);
        assertThat(List.of("code", "release_month", "return_department_code", "nominal_hours", "cohort_id", "drop_reason"))
                .noneMatch(CohortSchemaTest::looksIdentifying);
    }

    private static boolean looksIdentifying(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        if (IDENTIFYING.matcher(name).find()) {
            return true;
        }
        for (String word : name.split("_")) {
            if (IDENTIFYING_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
