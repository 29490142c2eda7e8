package fr.passerelle.partner.internal;

import static fr.passerelle.benchmark.CopyStream.copyRows;

import fr.passerelle.csv.CsvFormat;
import fr.passerelle.csv.CsvWriter;
import fr.passerelle.partner.internal.DemoGeography.Commune;
import fr.passerelle.partner.internal.DemoGeography.Place;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Streams a large, varied set of companies and one contact each into PostgreSQL with {@code COPY}, for
 * the companies-grid benchmark. Names come from the demo trades with real and made-up surnames (tens
 * of thousands of distinct words, many with accents, as in a real register), every department gets
 * companies, and SIRETs start with 9 so they never meet the demo data set's.
 */
public final class BenchmarkCompanies {

    private static final Pattern ALTERNATIVES = Pattern.compile("\\[([^\\]]*)]");
    private static final String[] STAGES = {"PROSPECT", "PROSPECT", "PROSPECT", "CONTACTED", "CONTACTED", "IN_DISCUSSION",
            "PARTNER", "PARTNER", "DORMANT", "DECLINED"};
    private static final String[] BRACKETS = {"NN", "00", "01", "02", "03", "11", "12", "21", "22", "31", "32", "41", "42", "51"};
    private static final String[] LABELS = {"PRODUIT_EN_PRISON", "INCLUSIVE_COMPANY", "ADAPTED_COMPANY", "SOCIAL_ECONOMY"};

    private final Random random = new Random(DemoDataSet.SEED);
    private final List<String> nafCodes;
    private final List<String> madeUpSurnames = madeUpSurnames();
    private final List<Place> places = new ArrayList<>();
    private final List<DemoSector.Trade> trades = new ArrayList<>();
    private final @Nullable Long referentId;
    private final String referentDisp;
    private final Map<String, String> dispOfDepartment;

    /**
     * @param nafCodes         every NAF sub-class, so that every section has companies
     * @param dispOfDepartment the DISP of each department (reference data)
     * @param referentId       owner of half the companies of the referent's DISP, when there is one
     */
    public BenchmarkCompanies(List<String> nafCodes, Map<String, String> dispOfDepartment, @Nullable Long referentId,
                              String referentDisp) {
        this.nafCodes = List.copyOf(nafCodes);
        this.dispOfDepartment = dispOfDepartment;
        this.referentId = referentId;
        this.referentDisp = referentDisp;
        for (Place place : DemoGeography.places().values()) {
            for (int i = 0; i < place.weight(); i++) {
                places.add(place);
            }
        }
        for (DemoSector sector : DemoSector.values()) {
            trades.addAll(sector.trades);
        }
    }

    /** Half the time a common surname ("Martin", "Lefèvre"), else one of the long tail. */
    private String surname() {
        return random.nextBoolean() ? pick(DemoNames.SURNAMES) : pick(madeUpSurnames);
    }

    /** Surnames made of French-sounding parts: "Beauchamp", "Delaverrière", "Montgrésier"… about 30,000 of them. */
    private static List<String> madeUpSurnames() {
        String[] starts = {"Beau", "Bel", "Bon", "Bois", "Char", "Chau", "Dela", "Des", "Du", "Fon", "Gau", "Gré", "Lam",
                "Lan", "Mar", "Mon", "Mor", "Pel", "Rou", "Ser", "Ver", "Vil", "Ché", "Bé", "Lé", "Mé", "Pé", "Ré", "Thé",
                "Cour", "Fré", "Gil", "Hau", "Jou", "Lor", "Mal", "Nor", "Pra", "Sau", "Tré"};
        String[] middles = {"", "a", "e", "i", "o", "ra", "li", "ne", "ma", "ri", "vo", "da", "gue", "lan", "ter", "ve",
                "mon", "ber", "gé", "chè"};
        String[] ends = {"champ", "mont", "val", "ville", "court", "lier", "nier", "card", "chon", "det", "gnac", "lot",
                "ret", "reau", "tier", "zière", "quet", "vert", "rand", "naud", "rière", "gère", "lène", "mée", "thier",
                "bault", "rel", "sset", "ssac", "pierre", "fort", "tain", "gny", "ray", "tte", "llon", "sson", "nès",
                "vès", "çon"};
        List<String> names = new ArrayList<>();
        for (String start : starts) {
            for (String middle : middles) {
                for (String end : ends) {
                    names.add(start + middle + end);
                }
            }
        }
        return names;
    }

    /**
     * Copies {@code count} companies; their SIRETs are 9 followed by their number. Returns how long it
     * took in milliseconds.
     */
    public long copyCompanies(CopyManager copy, int count) throws SQLException {
        return copyCompanies(copy, 0, count);
    }

    /** Copies {@code count} companies numbered from {@code first}: their SIRETs differ from the first call's. */
    public long copyCompanies(CopyManager copy, int first, int count) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return copyRows(copy, """
                copy company (siret, legal_name, trade_name, naf_code, workforce_bracket, street, postcode, commune,
                              department_code, website, labels, source, owner_id, stage, declined_reason, created_at)
                from stdin""", first, first + count - 1, (rows, number) -> company(rows, (int) number, now));
    }

    /** What {@link #copyCompaniesAndContacts} copied: the companies' ids, one run, and how long each COPY took. */
    public record Copied(long firstId, long lastId, long companiesMs, long contactsMs) {
    }

    /**
     * Copies {@code count} companies (SIRETs 9 followed by their number; none may be in the database yet), then a
     * primary contact for each.
     */
    public Copied copyCompaniesAndContacts(Connection connection, int count) throws SQLException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long companiesMs = copyCompanies(copy, count);
        long first;
        long last;
        try (var statement = connection.createStatement();
             ResultSet ids = statement.executeQuery("select min(id), max(id), count(*) from company where siret like '9%'")) {
            ids.next();
            first = ids.getLong(1);
            last = ids.getLong(2);
            if (ids.getLong(3) != count || last - first + 1 != count) {
                throw new IllegalStateException("The copied companies' ids are not one run: " + first + "–" + last);
            }
        }
        return new Copied(first, last, companiesMs, copyContacts(copy, first, last));
    }

    /** Copies one primary contact for each company whose id is between {@code firstId} and {@code lastId}. */
    public long copyContacts(CopyManager copy, long firstId, long lastId) throws SQLException {
        return copyRows(copy, """
                copy contact (company_id, first_name, last_name, job_title, email, phone, is_primary, email_status)
                from stdin""", firstId, lastId, (rows, id) -> {
            boolean woman = random.nextBoolean();
            String first = pick(woman ? DemoNames.WOMEN : DemoNames.MEN);
            String last = surname();
            String title = pick(DemoNames.LEADER_TITLES).split("\\|")[woman ? 1 : 0];
            rows.append(id).append('\t').append(first).append('\t').append(last).append('\t').append(title).append('\t')
                    .append(DemoNames.plain(first)).append('.').append(DemoNames.plain(last)).append("@entreprise-")
                    .append(id).append(".fr\t")
                    .append("+33").append(1 + random.nextInt(7)).append(String.format("%08d", random.nextInt(100_000_000)))
                    .append("\tt\t").append(random.nextInt(100) < 3 ? "UNSUBSCRIBED" : "ACTIVE").append('\n');
        });
    }

    /** The headers the companies export writes for a company and its contact: what the import reads back. */
    public static final List<String> IMPORT_HEADERS = List.of("SIRET", "Raison sociale", "Enseigne", "Code NAF",
            "Tranche d’effectif", "Adresse", "Code postal", "Commune", "Département", "Site web", "Labels", "Prénom", "Nom",
            "Fonction", "E-mail", "Téléphone");

    /**
     * Writes a file to import, as French Excel saves it (UTF-8 with BOM, {@code ;}, formula cells such as
     * phone numbers neutralised): {@code count} companies with one contact each, every field filled in the
     * export's way (codes for the workforce bracket and labels), SIRETs 9 followed by their number.
     * Returns how long it took in milliseconds.
     */
    public long writeImportCsv(Path file, int count) throws IOException {
        long start = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file); CsvWriter csv = CsvWriter.open(out, CsvFormat.EXCEL_FR)) {
            csv.row(IMPORT_HEADERS);
            for (int i = 0; i < count; i++) {
                csv.row(importRow(i));
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private List<String> importRow(int number) {
        Place place = pick(places);
        Commune commune = pick(place.communes());
        DemoSector.Trade trade = pick(trades);
        String surname = surname();
        String name = expand(pick(trade.names()), surname, place, commune);
        String tradeName = "";
        if (random.nextInt(100) < 15) {
            tradeName = name;
            name = expand(pick(DemoNames.HOLDINGS), surname, place, commune);
        } else if (random.nextInt(100) < 15) {
            name = name + " " + pick(DemoNames.LEGAL_FORMS);
        }
        boolean woman = random.nextBoolean();
        String first = pick(woman ? DemoNames.WOMEN : DemoNames.MEN);
        String last = surname();
        return Arrays.asList(
                SiretGenerator.siret(90_000_000 + number, 1 + random.nextInt(9)),
                name,
                tradeName,
                random.nextInt(100) < 70 ? trade.naf() : pick(nafCodes),
                BRACKETS[random.nextInt(BRACKETS.length)],
                (1 + random.nextInt(150)) + " " + pick(DemoNames.STREETS),
                commune.postcode(),
                commune.name(),
                place.departmentCode(),
                random.nextBoolean() ? "https://www." + DemoNames.slug(name) + ".example" : "",
                random.nextInt(100) < 6 ? LABELS[random.nextInt(LABELS.length)] : "",
                first,
                last,
                pick(DemoNames.LEADER_TITLES).split("\\|")[woman ? 1 : 0],
                DemoNames.plain(first) + "." + DemoNames.plain(last) + "@entreprise-" + number + ".example",
                "+33" + (1 + random.nextInt(7)) + String.format("%08d", random.nextInt(100_000_000)));
    }

    private void company(StringBuilder row, int number, Instant now) {
        Place place = pick(places);
        Commune commune = pick(place.communes());
        DemoSector.Trade trade = pick(trades);
        String surname = surname();
        String name = expand(pick(trade.names()), surname, place, commune);
        String tradeName = null;
        if (random.nextInt(100) < 15) {
            tradeName = name;
            name = expand(pick(DemoNames.HOLDINGS), surname, place, commune);
        } else if (random.nextInt(100) < 15) {
            name = name + " " + pick(DemoNames.LEGAL_FORMS);
        }
        String naf = random.nextInt(100) < 70 ? trade.naf() : pick(nafCodes);
        String stage = STAGES[random.nextInt(STAGES.length)];
        String disp = dispOfDepartment.get(place.departmentCode());
        boolean owned = referentId != null && referentDisp.equals(disp) && random.nextBoolean();

        row.append(SiretGenerator.siret(90_000_000 + number, 1 + random.nextInt(9))).append('\t')
                .append(name).append('\t')
                .append(tradeName == null ? "\\N" : tradeName).append('\t')
                .append(naf).append('\t')
                .append(BRACKETS[random.nextInt(BRACKETS.length)]).append('\t')
                .append(1 + random.nextInt(150)).append(' ').append(pick(DemoNames.STREETS)).append('\t')
                .append(commune.postcode()).append('\t')
                .append(commune.name()).append('\t')
                .append(place.departmentCode()).append('\t')
                .append(random.nextBoolean() ? "https://www." + DemoNames.slug(name) + ".fr" : "\\N").append('\t')
                .append(random.nextInt(100) < 6 ? "{" + LABELS[random.nextInt(LABELS.length)] + "}" : "{}").append('\t')
                .append("IMPORT\t")
                .append(owned ? String.valueOf(referentId) : "\\N").append('\t')
                .append(stage).append('\t')
                .append(stage.equals("DECLINED") ? "Pas de besoin de recrutement cette année" : "\\N").append('\t')
                .append(now.minus(random.nextInt(1_500), ChronoUnit.DAYS)).append('\n');
    }

    private String expand(String template, String surname, Place place, Commune commune) {
        String text = template;
        if (text.indexOf('[') >= 0) {
            Matcher alternatives = ALTERNATIVES.matcher(text);
            var expanded = new StringBuilder();
            while (alternatives.find()) {
                String[] choices = alternatives.group(1).split("\\|");
                alternatives.appendReplacement(expanded, Matcher.quoteReplacement(choices[random.nextInt(choices.length)]));
            }
            alternatives.appendTail(expanded);
            text = expanded.toString();
        }
        return text
                .replace("{name2}", surname())
                .replace("{name}", surname)
                .replace("{ofTown}", DemoGeography.of(commune.name()))
                .replace("{town}", commune.name())
                .replace("{ofArea}", place.ofArea())
                .replace("{area}", place.area());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
