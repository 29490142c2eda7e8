package fr.passerelle.companycsv;

import fr.passerelle.partner.CompanyDraftValidator;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PhoneNumbers;
import fr.passerelle.partner.Postcodes;
import fr.passerelle.partner.Siret;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.reference.DepartmentSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks and normalises one row of an imported file as the forms do (SIRET with spaces, NAF without a
 * dot, department from the postcode, website without a scheme, French phone formats), reporting every
 * problem of the row against its column. The reference lists are read once per import, not per row.
 * What needs the database (is the SIRET known, is it twice in the file, is it in the importer's DISP)
 * is checked after, in SQL.
 */
final class ImportRowChecker {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LABEL_SEPARATORS = Pattern.compile("[|,;/]");

    /** A row ready for the staging table: values normalised, null where the file leaves the cell empty. */
    record Row(long line, String siret, @Nullable String legalName, @Nullable String tradeName, @Nullable String nafCode,
               @Nullable String workforceBracket, @Nullable String street, @Nullable String postcode, @Nullable String commune,
               @Nullable String departmentCode, @Nullable String website, @Nullable String labels, @Nullable String firstName,
               @Nullable String lastName, @Nullable String jobTitle, @Nullable String email, @Nullable String phone) {
    }

    /** The row, or the reasons it is rejected. */
    record Checked(@Nullable Row row, List<ImportRowError> errors) {
    }

    private final ImportMapping mapping;
    private final List<String> header;
    private final Set<String> nafCodes;
    private final Map<String, DepartmentSummary> departmentsByCode;
    private final Map<String, DepartmentSummary> departmentsByName;
    private final Set<String> workforceCodes;
    /** Each label by its {@link ImportField#headerKey}, the first one on a tie as a search in declaration order finds it. */
    private final Map<String, CompanyLabel> labelsByKey;

    ImportRowChecker(ImportMapping mapping, List<String> header, Set<String> nafCodes, List<DepartmentSummary> departments) {
        this.mapping = mapping;
        this.header = List.copyOf(header);
        this.nafCodes = Set.copyOf(nafCodes);
        this.departmentsByCode = departments.stream().collect(Collectors.toMap(DepartmentSummary::code, d -> d));
        this.departmentsByName = departments.stream().collect(Collectors.toMap(d -> ImportField.headerKey(d.name()), d -> d, (a, b) -> a));
        this.workforceCodes = Arrays.stream(WorkforceBracket.values()).map(WorkforceBracket::code).collect(Collectors.toSet());
        Map<String, CompanyLabel> labels = new HashMap<>();
        for (CompanyLabel label : CompanyLabel.values()) {
            labels.putIfAbsent(ImportField.headerKey(label.name()), label);
        }
        this.labelsByKey = Map.copyOf(labels);
    }

    Checked check(long line, List<String> values) {
        List<ImportRowError> errors = new ArrayList<>();
        if (values.size() > header.size() && values.subList(header.size(), values.size()).stream().anyMatch(v -> !v.isBlank())) {
            errors.add(new ImportRowError(line, null, "import.error.column-count", values.size(), header.size()));
            return new Checked(null, errors);
        }
        Map<ImportField, String> cells = new EnumMap<>(ImportField.class);
        for (int i = 0; i < values.size(); i++) {
            ImportField field = mapping.field(i);
            String value = unneutralised(values.get(i).strip());
            if (field != null && !value.isEmpty()) {
                cells.put(field, value);
            }
        }

        String siret = Siret.normalise(cells.getOrDefault(ImportField.SIRET, ""));
        if (siret.isEmpty()) {
            errors.add(error(line, ImportField.SIRET, "partner.error.siret-required"));
        } else if (!isDigits(siret, 14)) {
            errors.add(error(line, ImportField.SIRET, "partner.error.siret-format"));
        } else if (!Siret.isValid(siret)) {
            errors.add(error(line, ImportField.SIRET, "partner.error.siret-checksum"));
        }

        String naf = null;
        try {
            naf = CompanyDraftValidator.normaliseNaf(cells.get(ImportField.NAF_CODE));
            if (naf != null && !nafCodes.contains(naf)) {
                errors.add(error(line, ImportField.NAF_CODE, "partner.error.naf-unknown", naf));
            }
        } catch (PartnerException e) {
            errors.add(error(line, ImportField.NAF_CODE, e.messageKey(), e.arguments()));
        }

        String bracket = cells.get(ImportField.WORKFORCE_BRACKET);
        if (bracket != null) {
            String code = isDigits(bracket, 1) ? "0" + bracket : bracket.toUpperCase(Locale.ROOT);
            if (!workforceCodes.contains(code)) {
                errors.add(error(line, ImportField.WORKFORCE_BRACKET, "import.error.workforce-unknown", bracket));
            }
            bracket = code;
        }

        String postcode = cells.get(ImportField.POSTCODE);
        if (postcode != null) {
            // Spreadsheets drop the leading zero of Ain's or Aisne's postcodes: "1000" is 01000.
            postcode = postcode.replace(" ", "");
            if (isDigits(postcode, 4)) {
                postcode = "0" + postcode;
            }
            if (!isDigits(postcode, 5)) {
                errors.add(error(line, ImportField.POSTCODE, "partner.error.postcode-format"));
                postcode = null;
            }
        }
        String department = null;
        String typedDepartment = cells.get(ImportField.DEPARTMENT);
        if (typedDepartment != null) {
            Optional<DepartmentSummary> found = department(typedDepartment);
            if (found.isEmpty()) {
                errors.add(error(line, ImportField.DEPARTMENT, "partner.error.department-unknown", typedDepartment));
            } else {
                department = found.get().code();
            }
        } else if (postcode != null) {
            department = Postcodes.department(postcode).filter(departmentsByCode::containsKey).orElse(null);
        }

        String website = null;
        try {
            website = CompanyDraftValidator.normaliseWebsite(cells.get(ImportField.WEBSITE));
        } catch (PartnerException e) {
            errors.add(error(line, ImportField.WEBSITE, e.messageKey()));
        }

        String labels = null;
        String typedLabels = cells.get(ImportField.LABELS);
        if (typedLabels != null) {
            Set<CompanyLabel> found = EnumSet.noneOf(CompanyLabel.class);
            for (String part : LABEL_SEPARATORS.split(typedLabels)) {
                if (part.isBlank()) {
                    continue;
                }
                CompanyLabel label = labelsByKey.get(ImportField.headerKey(part));
                if (label == null) {
                    errors.add(error(line, ImportField.LABELS, "import.error.label-unknown", part.strip()));
                } else {
                    found.add(label);
                }
            }
            labels = found.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        }

        String email = cells.get(ImportField.CONTACT_EMAIL);
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                errors.add(error(line, ImportField.CONTACT_EMAIL, "partner.error.email-format"));
            }
        }
        String phone = cells.get(ImportField.CONTACT_PHONE);
        if (phone != null) {
            String normalised = PhoneNumbers.normalise(phone).orElse(null);
            if (normalised == null) {
                errors.add(error(line, ImportField.CONTACT_PHONE, "partner.error.phone-format"));
            }
            phone = normalised;
        }
        boolean hasContact = false;
        for (ImportField field : cells.keySet()) {
            hasContact |= field.contact();
        }
        if (hasContact && !cells.containsKey(ImportField.CONTACT_LAST_NAME)) {
            errors.add(new ImportRowError(line, columnName(ImportField.CONTACT_LAST_NAME), "import.error.contact-last-name-required"));
        }

        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new Row(line, siret, cells.get(ImportField.LEGAL_NAME), cells.get(ImportField.TRADE_NAME), naf, bracket,
                cells.get(ImportField.STREET), postcode, cells.get(ImportField.COMMUNE), department, website, labels,
                cells.get(ImportField.CONTACT_FIRST_NAME), cells.get(ImportField.CONTACT_LAST_NAME),
                cells.get(ImportField.CONTACT_JOB_TITLE), email, phone), List.of());
    }

    /**
     * The export protects cells that a spreadsheet would run as a formula with a leading quote
     * ("'+33612345678", "'=SOMME(…)"); read back, the quote goes.
     */
    static String unneutralised(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    /** Whether the value is exactly {@code length} ASCII digits, as {@code [0-9]{length}} matches, without a regex per cell. */
    static boolean isDigits(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** "21", "2a", "971" or the name ("Côte-d’Or", "cote d'or"). */
    private Optional<DepartmentSummary> department(String typed) {
        String code = typed.toUpperCase(Locale.ROOT);
        if (isDigits(code, 1)) {
            code = "0" + code;
        }
        DepartmentSummary byCode = departmentsByCode.get(code);
        return byCode != null ? Optional.of(byCode) : Optional.ofNullable(departmentsByName.get(ImportField.headerKey(typed)));
    }

    private ImportRowError error(long line, ImportField field, String key, Object... arguments) {
        return new ImportRowError(line, columnName(field), key, arguments);
    }

    /** The header of the column mapped to the field, as the file names it. */
    @Nullable String columnName(ImportField field) {
        int column = mapping.column(field);
        return column >= 0 && column < header.size() ? header.get(column) : null;
    }
}
