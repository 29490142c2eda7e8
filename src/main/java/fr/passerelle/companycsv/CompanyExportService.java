package fr.passerelle.companycsv;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.csv.CsvFormat;
import fr.passerelle.csv.CsvWriter;
import fr.passerelle.partner.CompanyBulkReader;
import fr.passerelle.partner.CompanyBulkReader.CompanyRow;
import fr.passerelle.partner.CompanyBulkReader.ContactRow;
import fr.passerelle.partner.CompanyFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The companies of the list, and their contacts, as CSV files whose headers the import recognises.
 * Rows stream from partner's cursor ({@link CompanyBulkReader}) straight into the output:
 * a million companies take no more memory than ten.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class CompanyExportService {

    public static final List<String> COMPANY_HEADERS = List.of("SIRET", "Raison sociale", "Enseigne", "Code NAF",
            "Tranche d’effectif", "Adresse", "Code postal", "Commune", "Département", "Site web", "Labels", "Étape",
            "Référent", "Mis à jour le", "Type");
    public static final List<String> CONTACT_HEADERS = List.of("SIRET", "Raison sociale", "Prénom", "Nom", "Fonction",
            "E-mail", "Téléphone", "Contact principal", "Statut e-mail");
    /** Between labels in one value. */
    public static final String LABEL_SEPARATOR = "|";

    private final CompanyBulkReader rows;

    CompanyExportService(CompanyBulkReader rows) {
        this.rows = rows;
    }

    /** The companies the list shows for this filter, in the list's order; only the header when there are none. */
    public void exportCompanies(CompanyFilter filter, Sort sort, CsvFormat format, OutputStream out) throws IOException {
        CsvWriter writer = CsvWriter.open(out, format);
        writer.row(COMPANY_HEADERS);
        rows.companies(filter, sort, company -> writer.row(values(company)));
        writer.flush();
    }

    /** The contacts of the companies the list shows for this filter, company by company (by name), the primary contact first. */
    public void exportContacts(CompanyFilter filter, CsvFormat format, OutputStream out) throws IOException {
        CsvWriter writer = CsvWriter.open(out, format);
        writer.row(CONTACT_HEADERS);
        rows.contacts(filter, contact -> writer.row(values(contact)));
        writer.flush();
    }

    private static List<?> values(CompanyRow c) {
        return Arrays.asList(c.siret(), c.legalName(), c.tradeName(), c.nafCode(), c.workforceBracket(), c.street(), c.postcode(),
                c.commune(), c.departmentCode(), c.website(), String.join(LABEL_SEPARATOR, c.labels()), c.stage().name(),
                c.ownerName(), c.updatedAt().atZone(DisplayFormats.PARIS).toLocalDate(), c.kind().name());
    }

    private static List<?> values(ContactRow k) {
        return Arrays.asList(k.siret(), k.legalName(), k.firstName(), k.lastName(), k.jobTitle(), k.email(), k.phone(),
                k.primary() ? "oui" : "non", k.emailStatus().name());
    }
}
