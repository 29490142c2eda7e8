package fr.passerelle.cohort.internal;

import fr.passerelle.base.DemoSeeder;
import fr.passerelle.base.DisplayFormats;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo programmes and cohorts from the seed documents: "Un métier, une Chance" (ten candidates, eight weeks, four
 * shortage sectors, one promotion per establishment and year) with promotions in DISP PARIS, DIJON and LYON at
 * every stage, and the pipe-laying training (nine people, ROME F1603) with the regional public-works federation and
 * the regional council in DISP DIJON. Participants are fictional SPIP codes at every stage, with outcomes at release
 * and six months. The partner organisations are looked up by legal name (the partner demo writes them); a minimal
 * one is created only when none exists. Written with plain SQL (the audit tables stay empty for them); nothing is
 * written when a programme exists.
 */
@Component
class CohortDemoSeeder implements DemoSeeder {

    /** Two instances starting together on one database write the cohorts once. */
    private static final long LOCK_KEY = 0x436f_686f_7274_0001L;
    static final String FEDERATION = "Fédération Régionale des Travaux Publics Bourgogne-Franche-Comté";
    static final String REGION = "Région Bourgogne-Franche-Comté";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    CohortDemoSeeder(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public String name() {
        return "demo programmes and cohorts";
    }

    @Override
    public int seed() {
        Integer created = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Integer.class).single();
            if (jdbc.sql("select exists (select 1 from programme)").query(Boolean.class).single()) {
                return 0;
            }
            return write();
        });
        return created == null ? 0 : created;
    }

    private record Person(String code, int releaseInMonths, String department, String state, @Nullable String dropReason,
                          boolean certified, @Nullable String atRelease, @Nullable String releaseContract, boolean throughOffer,
                          @Nullable String afterSix, @Nullable String sixContract) {
    }

    private int write() {
        Optional<Long> admin = user("admin");
        Optional<Long> referent = user("referent");
        if (admin.isEmpty()) {
            return 0;
        }
        long dijonOwner = referent.orElse(admin.get());
        LocalDate today = DisplayFormats.today();
        long chance = programme("Un métier, une Chance", """
                Promotions de dix candidats pendant huit semaines d’ateliers pour construire un projet professionnel dans \
                quatre secteurs en tension (BTP, logistique, hôtellerie-restauration, environnement), puis accompagnement \
                après la sortie. Une promotion par établissement et par an.""", 10, 8,
                "{CONSTRUCTION,ENVIRONMENT,HOSPITALITY_CATERING,LOGISTICS}", true);
        long pipes = programme("Formation aux métiers de la canalisation", """
                Formation de personnes détenues en fin de peine aux métiers des infrastructures de canalisation, avec la \
                fédération régionale des travaux publics et le conseil régional, qui la finance.""", 9, null, "{CONSTRUCTION}", false);
        Long federation = organisation(FEDERATION, "21");
        Long region = organisation(REGION, "25");
        int rows = 2;

        // Completed last year, outcomes at release and after six months.
        long sante = cohort(chance, "Un métier, une Chance – Paris La Santé " + today.minusMonths(11).getYear(), "CONSTRUCTION", List.of("F1703", "N1103", "G1602", "K2304"),
                "CP PARIS LA SANTE", today.minusMonths(11), 10, admin.get(), "COMPLETED", null, 280, null);
        rows += people(sante, List.of(
                new Person("SPIP75-0101", -8, "75", "COMPLETED", null, true, "EMPLOYED", "CDD", false, "EMPLOYED", "CDI"),
                new Person("SPIP75-0102", -8, "93", "COMPLETED", null, true, "IN_TRAINING", null, false, "EMPLOYED", "INTERIM"),
                new Person("SPIP75-0103", -7, "94", "COMPLETED", null, false, "JOB_SEEKING", null, false, "JOB_SEEKING", null),
                new Person("SPIP75-0104", -7, "75", "COMPLETED", null, true, "EMPLOYED", "INSERTION", false, "EMPLOYED", "INSERTION"),
                new Person("SPIP75-0105", -7, "92", "COMPLETED", null, false, "UNKNOWN", null, false, "UNKNOWN", null),
                new Person("SPIP75-0106", -6, "75", "COMPLETED", null, true, "EMPLOYED", "CDI", false, null, null),
                new Person("SPIP75-0107", -6, "77", "COMPLETED", null, true, "IN_TRAINING", null, false, null, null),
                new Person("SPIP75-0108", -5, "75", "DROPPED", "Transfert vers un autre établissement", false, null, null, false, null, null),
                new Person("SPIP75-0109", -5, "91", "COMPLETED", null, true, "JOB_SEEKING", null, false, null, null)), null, null);

        long nanterre = cohort(chance, "Un métier, une Chance – Nanterre " + today.minusWeeks(3).getYear(), "LOGISTICS", List.of("N1103", "N1105"),
                "CP NANTERRE", today.minusWeeks(3), 10, admin.get(), "IN_PROGRESS", null, 280, null);
        rows += people(nanterre, List.of(
                new Person("SPIP92-0201", 4, "92", "ENROLLED", null, false, null, null, false, null, null),
                new Person("SPIP92-0202", 5, "92", "ENROLLED", null, false, null, null, false, null, null),
                new Person("SPIP92-0203", 5, "95", "ENROLLED", null, false, null, null, false, null, null),
                new Person("SPIP92-0204", 6, "78", "ENROLLED", null, false, null, null, false, null, null),
                new Person("SPIP92-0205", 6, "92", "DROPPED", "Raisons de sante", false, null, null, false, null, null),
                new Person("SPIP92-0206", 7, "75", "ENROLLED", null, false, null, null, false, null, null),
                new Person("SPIP92-0207", 8, "92", "ENROLLED", null, false, null, null, false, null, null),
                new Person("SPIP92-0208", 9, "93", "ENROLLED", null, false, null, null, false, null, null)), null, null);

        long dijon = cohort(chance, "Un métier, une Chance – Dijon " + today.plusWeeks(5).getYear(), "HOSPITALITY_CATERING", List.of("G1602", "G1603"),
                "MA DIJON", today.plusWeeks(5), 10, dijonOwner, "RECRUITING", null, 280, null);
        rows += people(dijon, List.of(
                new Person("SPIP21-0301", 6, "21", "ENROLLED", null, false, null, null, false, null, null),
                new Person("SPIP21-0302", 7, "71", "ENROLLED", null, false, null, null, false, null, null),
                new Person("SPIP21-0303", 9, "21", "ENROLLED", null, false, null, null, false, null, null),
                new Person("SPIP21-0304", 10, "89", "ENROLLED", null, false, null, null, false, null, null)), null, null);

        cohort(chance, "Un métier, une Chance – Joux-la-Ville " + today.plusMonths(2).getYear(), "ENVIRONMENT", List.of("K2304"), "CD JOUX LA VILLE",
                today.plusMonths(2), 10, dijonOwner, "CANCELLED", "Financement non reconduit pour cette année", 280, null);
        cohort(chance, "Un métier, une Chance – Roanne " + today.plusMonths(6).getYear(), "CONSTRUCTION", List.of("F1703", "F1603"), "CD ROANNE",
                today.plusMonths(6), 10, admin.get(), "PLANNED", null, 280, null);
        rows += 2;

        long canal = cohort(pipes, "Canalisateurs – Varennes-le-Grand", "CONSTRUCTION", List.of("F1603"), "CP VARENNES LE GRAND",
                today.minusMonths(10), 9, dijonOwner, "COMPLETED", null, 420, "Titre professionnel canalisateur");
        partner(canal, federation, "FEDERATION");
        partner(canal, region, "FUNDER");
        Long offer = jdbc.sql("""
                        select o.id from offer o where o.status = 'OPEN' and o.company_id is not null
                        order by (o.rome_code = 'F1603') desc, (o.rome_family = 'F') desc, (o.disp_code = 'DISP DIJON') desc, o.id
                        limit 1""")
                .query(Long.class).optional().orElse(null);
        Long offerCompany = null;
        if (offer != null) {
            jdbc.sql("insert into cohort_offer (cohort_id, offer_id, linked_by) values (:cohort, :offer, :user)")
                    .param("cohort", canal).param("offer", offer).param("user", dijonOwner).update();
            offerCompany = jdbc.sql("select company_id from offer where id = :id").param("id", offer).query(Long.class).single();
        }
        rows += people(canal, List.of(
                new Person("SPIP71-0401", -7, "71", "COMPLETED", null, true, "EMPLOYED", "CDI", true, "EMPLOYED", "CDI"),
                new Person("SPIP71-0402", -7, "21", "COMPLETED", null, true, "EMPLOYED", "CDD", true, "EMPLOYED", "CDI"),
                new Person("SPIP71-0403", -7, "71", "COMPLETED", null, true, "EMPLOYED", "INTERIM", false, "EMPLOYED", "CDD"),
                new Person("SPIP71-0404", -6, "39", "COMPLETED", null, true, "IN_TRAINING", null, false, "EMPLOYED", "APPRENTICESHIP"),
                new Person("SPIP71-0405", -6, "71", "COMPLETED", null, false, "JOB_SEEKING", null, false, "JOB_SEEKING", null),
                new Person("SPIP71-0406", -6, "25", "COMPLETED", null, true, "EMPLOYED", "PROFESSIONALISATION", false, null, null),
                new Person("SPIP71-0407", -5, "71", "COMPLETED", null, true, "JOB_SEEKING", null, false, null, null),
                new Person("SPIP71-0408", -5, "58", "DROPPED", "Fin de détention anticipée avant la fin de la formation", false, "UNKNOWN",
                        null, false, null, null),
                new Person("SPIP71-0409", -4, "21", "COMPLETED", null, true, "UNKNOWN", null, false, null, null)), offer, offerCompany);
        return rows;
    }

    private Optional<Long> user(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).optional();
    }

    private long programme(String title, String description, int candidates, @Nullable Integer weeks, String sectors, boolean rule) {
        return jdbc.sql("""
                        insert into programme (title, description, candidates_per_promotion, duration_weeks, sectors, one_promotion_per_year)
                        values (:title, :description, :candidates, :weeks, cast(:sectors as text[]), :rule) returning id""")
                .param("title", title).param("description", description).param("candidates", candidates).param("weeks", weeks)
                .param("sectors", sectors).param("rule", rule).query(Long.class).single();
    }

    private long cohort(long programme, String title, String sector, List<String> trades, String establishment, LocalDate start,
                        int capacity, long owner, String state, @Nullable String cancelReason, int hours, @Nullable String certification) {
        LocalDate end = start.plusWeeks(8);
        boolean started = state.equals("IN_PROGRESS") || state.equals("COMPLETED");
        long id = jdbc.sql("""
                        insert into cohort (programme_id, title, sector, establishment_id, planned_start, planned_end, actual_start,
                                            actual_end, hours, certification, capacity, referent_id, state, cancel_reason)
                        select :programme, :title, :sector, e.id, :start, :end, :actualStart, :actualEnd, :hours, :certification,
                               :capacity, :owner, :state, :reason
                        from establishment e where e.code = :establishment
                        returning id""")
                .param("programme", programme).param("title", title).param("sector", sector).param("start", start).param("end", end)
                .param("actualStart", started ? start : null).param("actualEnd", state.equals("COMPLETED") ? end : null)
                .param("hours", hours).param("certification", certification).param("capacity", capacity).param("owner", owner)
                .param("state", state).param("reason", cancelReason).param("establishment", establishment)
                .query(Long.class).single();
        for (String trade : trades) {
            jdbc.sql("insert into cohort_rome_job (cohort_id, rome_code) select :cohort, code from rome_job where code = :code")
                    .param("cohort", id).param("code", trade).update();
        }
        return id;
    }

    private void partner(long cohort, @Nullable Long company, String role) {
        if (company != null) {
            jdbc.sql("insert into cohort_partner (cohort_id, company_id, role) values (:cohort, :company, :role)")
                    .param("cohort", cohort).param("company", company).param("role", role).update();
        }
    }

    private int people(long cohort, List<Person> people, @Nullable Long offer, @Nullable Long offerCompany) {
        LocalDate thisMonth = DisplayFormats.today().withDayOfMonth(1);
        for (Person p : people) {
            boolean hired = p.throughOffer() && offer != null;
            jdbc.sql("""
                            insert into participant (cohort_id, code, release_month, return_department_code, state, drop_reason,
                                                     certification_obtained, release_outcome, release_contract_type, release_offer_id,
                                                     release_company_id, six_month_outcome, six_month_contract_type)
                            values (:cohort, :code, :month, :department, :state, :reason, :certified, :atRelease, :releaseContract,
                                    :offer, :company, :afterSix, :sixContract)""")
                    .param("cohort", cohort).param("code", p.code()).param("month", thisMonth.plusMonths(p.releaseInMonths()))
                    .param("department", p.department()).param("state", p.state()).param("reason", p.dropReason())
                    .param("certified", p.certified()).param("atRelease", p.atRelease()).param("releaseContract", p.releaseContract())
                    .param("offer", hired ? offer : null).param("company", hired ? offerCompany : null)
                    .param("afterSix", p.afterSix()).param("sixContract", p.sixContract())
                    .update();
        }
        return people.size();
    }

    /** The organisation of that legal name, or a minimal one (with a demo SIRET) when the CRM has none. */
    private Long organisation(String legalName, String department) {
        Optional<Long> existing = jdbc.sql("select id from company where legal_name = :name order by id limit 1")
                .param("name", legalName).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        for (int attempt = 0; ; attempt++) {
            String siret = demoSiret(legalName.hashCode() + attempt);
            boolean taken = jdbc.sql("select exists (select 1 from company where siret = :siret)").param("siret", siret)
                    .query(Boolean.class).single();
            if (!taken) {
                return jdbc.sql("insert into company (siret, legal_name, department_code, stage) values (:siret, :name, :dept, 'PARTNER') returning id")
                        .param("siret", siret).param("name", legalName).param("dept", department).query(Long.class).single();
            }
        }
    }

    /** A SIRET whose SIREN and whole number pass the Luhn check, in a range ("99…") no real company uses. */
    static String demoSiret(int seed) {
        String body = String.format("99%06d", Math.floorMod(seed, 1_000_000));
        String siren = withLuhnDigit(body);
        return withLuhnDigit(siren + String.format("%04d", Math.floorMod(seed / 7, 10_000)));
    }

    static String withLuhnDigit(String digits) {
        for (int check = 0; check <= 9; check++) {
            String candidate = digits + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Luhn digit for " + digits);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
