package fr.passerelle.offer;

import fr.passerelle.csv.CsvFormat;
import fr.passerelle.csv.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offers of the list, with its filters and order, as a CSV file (French Excel or RFC 4180, the
 * {@code csv} module's writer). Rows stream from a PostgreSQL cursor straight into the output.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class OfferExportService {

    public static final List<String> HEADERS = List.of("Intitulé", "Entreprise", "SIRET", "Type", "Code ROME", "Métier", "Postes",
            "Contrat", "Heures par semaine", "Commune", "Département", "DISP", "Établissements visés", "Début", "Fin", "État",
            "Origine", "Créée le");
    /** Rows PostgreSQL hands over at a time. */
    static final int FETCH_SIZE = 1000;

    private final OfferQueries queries;
    private final JdbcClient jdbc;

    OfferExportService(OfferQueries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    /** The offers the list shows for this filter, in the list's order; only the header when there are none. */
    public void exportOffers(OfferFilter filter, Sort sort, CsvFormat format, OutputStream out) throws IOException {
        var selection = queries.selection(filter, sort);
        CsvWriter writer = CsvWriter.open(out, format);
        writer.row(HEADERS);
        try {
            jdbc.sql("""
                            select o.title, coalesce(c.legal_name, d.legal_name || ' (déclarée)') as legal_name,
                                   coalesce(c.siret, d.siret) as siret, o.type, o.rome_code, j.label as rome_label, o.positions,
                                   o.contract_type, o.hours_per_week, o.commune, o.department_code, o.disp_code,
                                   (select string_agg(e.name, ' | ' order by e.name) from offer_establishment oe
                                    join establishment e on e.id = oe.establishment_id where oe.offer_id = o.id) as establishments,
                                   o.start_date, o.end_date, o.status, o.source, o.created_at
                            from offer o left join company c on c.id = o.company_id join rome_job j on j.code = o.rome_code
                            left join offer_declaration d on o.company_id is null and d.offer_id = o.id
                            """ + selection.where() + " order by " + selection.orderBy())
                    .params(selection.params()).withFetchSize(FETCH_SIZE)
                    .query(rs -> {
                        try {
                            writer.row(Arrays.asList(rs.getString("title"), rs.getString("legal_name"), rs.getString("siret"),
                                    rs.getString("type"), rs.getString("rome_code"), rs.getString("rome_label"), rs.getInt("positions"),
                                    rs.getString("contract_type"), rs.getBigDecimal("hours_per_week"), rs.getString("commune"),
                                    rs.getString("department_code"), rs.getString("disp_code"), rs.getString("establishments"),
                                    rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                                    rs.getString("status"), rs.getString("source"), rs.getTimestamp("created_at").toInstant()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }
}
