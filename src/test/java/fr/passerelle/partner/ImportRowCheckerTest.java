package fr.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The checker recognises the usual forms of a SIRET, a NAF code and a phone number by hand and leaves
 * the rest to the shared helpers: on every input, common or odd, the outcome must be the helpers'.
 */
class ImportRowCheckerTest {

    private static final List<String> SIRETS = List.of("", "13000548121800", "1300054812180", "130005481218000", "130 005 481 21800",
            "130.005.481-21800", "130\u00a0005\u202f481 21800", "1300054812180A", "١٣٠٠٠٥٤٨١٢١٨٠٠", "+3000548121800", " 13000548121800",
            "0", "35600000000048");
    private static final List<String> NAFS = List.of("43.21A", "4321A", "43.21a", "4321a", "43 21 A", "43.21Z ", "43.2.1A", "432.1A",
            "43,21A", "43.21", "4321", "43.21AB", "4a.21A", "43:21A", "43.21É", "٤٣.٢١A", "43.21[", "43.21@", "1234Z", "00.00A");
    private static final List<String> PHONES = List.of("+33612345678", "+33012345678", "+3361234567", "+336123456789", "+33 6 12 34 56 78",
            "0612345678", "0012345678", "061234567", "06123456789", "06 12 34 56 78", "06.12.34.56.78", "0033612345678",
            "+33 (0)6 12 34 56 78", "0590123456", "+41221234567", "+3361234567a", "+33٦12345678", "061234567٨", "0x12345678", "+33+12345678",
            "(0)612345678", "06/12/34/56/78", "00412212345678");
    private static final List<String> DIGITS = List.of("", "0", "9", "a", "/", ":", "12345", "1234", "123456", "1234a", "٣", "12 45");

    @Test
    void aSiretIsNormalisedAsSiretNormalises() {
        for (String siret : SIRETS) {
            assertThat(ImportRowChecker.siret(siret)).as(siret).isEqualTo(Siret.normalise(siret));
        }
    }

    @Test
    void aNafCodeIsNormalisedOrRefusedAsTheFormsDo() {
        for (String naf : NAFS) {
            assertThat(outcome(() -> ImportRowChecker.naf(naf))).as(naf).isEqualTo(outcome(() -> CompanyDraftValidator.normaliseNaf(naf)));
        }
        assertThat(ImportRowChecker.naf("4321A")).isEqualTo("43.21A");
        assertThat(ImportRowChecker.naf("43.21A")).isEqualTo("43.21A");
        assertThat(ImportRowChecker.naf(null)).isNull();
    }

    @Test
    void aPhoneNumberIsNormalisedOrRefusedAsPhoneNumbersDoes() {
        for (String phone : PHONES) {
            assertThat(Optional.ofNullable(ImportRowChecker.phone(phone))).as(phone).isEqualTo(PhoneNumbers.normalise(phone));
        }
        assertThat(ImportRowChecker.phone("0612345678")).isEqualTo("+33612345678");
    }

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
        var departments = List.of(new fr.passerelle.reference.DepartmentSummary("01", "Ain", "84", "Auvergne-Rhône-Alpes", "LYON"),
                new fr.passerelle.reference.DepartmentSummary("21", "Côte-d'Or", "27", "Bourgogne-Franche-Comté", "DIJON"));
        var checker = new ImportRowChecker(ImportMapping.guess(header), header, java.util.Set.of("43.21A"), departments);

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
                org.assertj.core.groups.Tuple.tuple("SIRET", "partner.error.siret-checksum"),
                org.assertj.core.groups.Tuple.tuple("Code NAF", "partner.error.naf-unknown"),
                org.assertj.core.groups.Tuple.tuple("Tranche d'effectif", "import.error.workforce-unknown"),
                org.assertj.core.groups.Tuple.tuple("Département", "partner.error.department-unknown"),
                org.assertj.core.groups.Tuple.tuple("Labels", "import.error.label-unknown"),
                org.assertj.core.groups.Tuple.tuple("Labels", "import.error.label-unknown"),
                org.assertj.core.groups.Tuple.tuple("E-mail", "partner.error.email-format"),
                org.assertj.core.groups.Tuple.tuple("Téléphone", "partner.error.phone-format"),
                org.assertj.core.groups.Tuple.tuple("Nom", "import.error.contact-last-name-required"));
        assertThat(errors.get(2).arguments()).containsExactly("7");
        assertThat(errors.get(4).arguments()).containsExactly("inclusive");
        assertThat(checker.check(6, List.of("1300054812180", "43.21A", "", "21 000", "", "", "", "", "")).errors())
                .extracting(ImportRowError::messageKey).containsExactly("partner.error.siret-format");
    }

    /** The value, or the message key of the refusal. */
    private static @Nullable String outcome(java.util.function.Supplier<@Nullable String> normalise) {
        Throwable refused = catchThrowable(normalise::get);
        return refused instanceof PartnerException partner ? "refused: " + partner.messageKey() : normalise.get();
    }
}
