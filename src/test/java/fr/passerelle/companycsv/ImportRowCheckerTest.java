package fr.passerelle.companycsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import fr.passerelle.reference.DepartmentSummary;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One row of an imported file, normalised as the forms normalise, with each problem against its column. */
class ImportRowCheckerTest {

    private static final List<String> DIGITS = List.of("", "0", "9", "a", "/", ":", "12345", "1234", "123456", "1234a", "٣", "12 45");

    @Test
    void digitsAreAsciiDigitsOfTheExactLength() {
        for (String value : DIGITS) {
            for (int length = 0; length <= 6; length++) {
                assertThat(ImportRowChecker.isDigits(value, length)).as(value + " " + length)
                        .isEqualTo(value.matches("[0-9]{" + length + "}"));
            }
        }
    }

    @Test
    void aRowIsNormalisedAndItsProblemsReportedAgainstTheirColumns() {
        List<String> header = List.of("SIRET", "Code NAF", "Tranche d'effectif", "Code postal", "Département", "Labels", "Nom",
                "E-mail", "Téléphone");
        var departments = List.of(new DepartmentSummary("01", "Ain", "84", "Auvergne-Rhône-Alpes", "LYON"),
                new DepartmentSummary("21", "Côte-d'Or", "27", "Bourgogne-Franche-Comté", "DIJON"));
        var checker = new ImportRowChecker(ImportMapping.guess(header), header, Set.of("43.21A"), departments);

        ImportRowChecker.Row row = checker.check(2, List.of("13000548121800", "4321A", "3", "1000", "", "social economy| Inclusive_Company",
                "Martin", "Anne@Exemple.FR", "06 12 34 56 78")).row();
        assertThat(row).isNotNull();
        assertThat(List.of(row.siret(), row.nafCode(), row.workforceBracket(), row.postcode(), row.departmentCode(), row.labels(),
                row.email(), row.phone())).containsExactly("13000548121800", "43.21A", "03", "01000", "01",
                "INCLUSIVE_COMPANY,SOCIAL_ECONOMY", "anne@exemple.fr", "+33612345678");
        row = checker.check(3, List.of("130 005 481 21800", "43.21A", "nn", "21000", "cote d'or", "", "", "", "")).row();
        assertThat(row).isNotNull();
        assertThat(List.of(row.siret(), row.workforceBracket(), row.departmentCode())).containsExactly("13000548121800", "NN", "21");
        assertThat(checker.check(4, List.of("13000548121800", "", "", "", "1", "", "", "", "")).row().departmentCode()).isEqualTo("01");

        List<ImportRowError> errors = checker.check(5, List.of("13000548121801", "43.21b", "7", "2100", "99", "inclusive, bio",
                "", "anne@", "+33 0 12")).errors();
        assertThat(errors).extracting(ImportRowError::column, ImportRowError::messageKey).containsExactly(
                tuple("SIRET", "partner.error.siret-checksum"),
                tuple("Code NAF", "partner.error.naf-unknown"),
                tuple("Tranche d'effectif", "import.error.workforce-unknown"),
                tuple("Département", "partner.error.department-unknown"),
                tuple("Labels", "import.error.label-unknown"),
                tuple("Labels", "import.error.label-unknown"),
                tuple("E-mail", "partner.error.email-format"),
                tuple("Téléphone", "partner.error.phone-format"),
                tuple("Nom", "import.error.contact-last-name-required"));
        assertThat(errors.get(2).arguments()).containsExactly("7");
        assertThat(errors.get(4).arguments()).containsExactly("inclusive");
        assertThat(checker.check(6, List.of("1300054812180", "43.21A", "", "21 000", "", "", "", "", "")).errors())
                .extracting(ImportRowError::messageKey).containsExactly("partner.error.siret-format");
    }
}
