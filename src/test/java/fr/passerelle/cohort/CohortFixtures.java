package fr.passerelle.cohort;

import fr.passerelle.partner.LuhnSirets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Accounts, establishments, companies, offers and drafts the cohort tests share, written straight into the database. */
public final class CohortFixtures {

    /** DISP DIJON, the demo referent's. */
    public static final String DIJON_ESTABLISHMENT = "CD JOUX LA VILLE";
    /** DISP LYON. */
    public static final String LYON_ESTABLISHMENT = "CD ROANNE";

    private final JdbcClient jdbc;
    private final UserDetailsService users;

    public CohortFixtures(JdbcClient jdbc, UserDetailsService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    public void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    /** A referent of DISP LYON (created once), to prove that another DISP's referent is kept out. */
    public String lyonReferent() {
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, disp_code)
                values ('referent-lyon-cohort', 'Référente Lyon', '{noop}x', 'REFERENT', 'DISP LYON')
                on conflict (username) do nothing""").update();
        return "referent-lyon-cohort";
    }

    public long establishment(String code) {
        return jdbc.sql("select id from establishment where code = :code").param("code", code).query(Long.class).single();
    }

    public long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    public long company(String legalName) {
        return jdbc.sql("insert into company (siret, legal_name, department_code) values (:siret, :name, '21') returning id")
                .param("siret", LuhnSirets.next()).param("name", legalName).query(Long.class).single();
    }

    /** An offer of that company, in that state, for a pipe layer in Côte-d'Or. */
    public long offer(long companyId, String status) {
        return jdbc.sql("""
                        insert into offer (company_id, type, rome_code, title, positions, contract_type, department_code, start_date,
                                           source, status, rejection_reason_code)
                        values (:company, 'POST_RELEASE_JOB', 'F1603', 'Canalisateur', 2, 'CDI', '21', current_date, 'REFERENT', :status,
                                case when :status = 'REJECTED' then 'OTHER' end)
                        returning id""")
                .param("company", companyId).param("status", status).query(Long.class).single();
    }

    /** A programme with a fresh title. */
    public static ProgrammeDraft programme(boolean onePerYear) {
        return new ProgrammeDraft("Programme " + token(), "Ateliers de préparation à l’emploi.", 10, 8,
                Set.of(Sector.CONSTRUCTION, Sector.LOGISTICS), onePerYear);
    }

    public static CohortDraft cohort(@Nullable Long programmeId, long establishmentId, LocalDate plannedStart) {
        return new CohortDraft(programmeId, "Promotion " + token(), Sector.CONSTRUCTION, Set.of("F1603"), establishmentId, List.of(),
                plannedStart, plannedStart.plusWeeks(8), null, null, 280, "Titre professionnel canalisateur", 9, null);
    }

    public static CohortDraft withPartners(CohortDraft d, List<PartnerLink> partners) {
        return new CohortDraft(d.programmeId(), d.title(), d.sector(), d.romeCodes(), d.establishmentId(), partners, d.plannedStart(),
                d.plannedEnd(), d.actualStart(), d.actualEnd(), d.hours(), d.certification(), d.capacity(), d.referentId());
    }

    public static CohortDraft withCapacity(CohortDraft d, int capacity) {
        return new CohortDraft(d.programmeId(), d.title(), d.sector(), d.romeCodes(), d.establishmentId(), d.partners(), d.plannedStart(),
                d.plannedEnd(), d.actualStart(), d.actualEnd(), d.hours(), d.certification(), capacity, d.referentId());
    }

    public static ParticipantDraft participant(String code) {
        return new ParticipantDraft(code, java.time.YearMonth.now().plusMonths(3), "21", false, null);
    }

    /** Capital letters, so that a test finds its own rows whatever else is in the table. */
    public static String token() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('A' + random.nextInt(26)));
        }
        return word.toString();
    }
}
