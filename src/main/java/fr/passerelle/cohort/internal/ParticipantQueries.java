package fr.passerelle.cohort.internal;

import fr.passerelle.cohort.LinkedOffer;
import fr.passerelle.cohort.Outcome;
import fr.passerelle.cohort.ParticipantRead;
import fr.passerelle.cohort.ParticipantState;
import fr.passerelle.cohort.ParticipantSummary;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Participants, the log of who read them and the linked offers, in SQL. Callers check the scope first: this class
 * answers whoever asks. Joins {@code offer} and {@code company} read-only for titles and names.
 */
@Component
public class ParticipantQueries {

    private static final String COMPANY_NAME = "case when coalesce(btrim(%1$s.trade_name), '') = '' then %1$s.legal_name"
            + " else %1$s.trade_name || ' (' || %1$s.legal_name || ')' end";

    private final JdbcClient jdbc;

    ParticipantQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ParticipantSummary> participants(long cohortId) {
        return jdbc.sql("select x.*, ro.title as release_offer_title, " + COMPANY_NAME.formatted("rc") + " as release_company_name, "
                        + "so.title as six_month_offer_title, " + COMPANY_NAME.formatted("sc") + " as six_month_company_name "
                        + "from participant x "
                        + "left join offer ro on ro.id = x.release_offer_id left join company rc on rc.id = x.release_company_id "
                        + "left join offer so on so.id = x.six_month_offer_id left join company sc on sc.id = x.six_month_company_id "
                        + "where x.cohort_id = :cohort order by x.code")
                .param("cohort", cohortId).query(ParticipantQueries::participant).list();
    }

    public void recordRead(long cohortId, long userId) {
        jdbc.sql("insert into participant_read (cohort_id, read_by) values (:cohort, :user)")
                .param("cohort", cohortId).param("user", userId).update();
    }

    public List<ParticipantRead> reads(long cohortId, int limit) {
        return jdbc.sql("""
                        select r.read_by, u.display_name, r.read_at from participant_read r join app_user u on u.id = r.read_by
                        where r.cohort_id = :cohort order by r.read_at desc, r.id desc limit :limit""")
                .param("cohort", cohortId).param("limit", limit)
                .query((rs, n) -> new ParticipantRead(rs.getLong("read_by"), rs.getString("display_name"),
                        rs.getTimestamp("read_at").toInstant())).list();
    }

    /** The departments the cohort's participants still in it (not dropped) return to. */
    public java.util.Set<String> returnDepartments(long cohortId) {
        return new java.util.TreeSet<>(jdbc.sql("""
                        select distinct return_department_code from participant
                        where cohort_id = :cohort and state <> 'DROPPED' and return_department_code is not null""")
                .param("cohort", cohortId).query(String.class).list());
    }

    /** How many of the cohort's participants still in it (not dropped) are expected to be released each month. */
    public java.util.Map<YearMonth, Integer> releasesByMonth(long cohortId) {
        var releases = new java.util.TreeMap<YearMonth, Integer>();
        jdbc.sql("""
                        select release_month, count(*) as released from participant
                        where cohort_id = :cohort and state <> 'DROPPED' and release_month is not null
                        group by release_month""")
                .param("cohort", cohortId)
                .query(rs -> {
                    releases.put(YearMonth.from(rs.getObject("release_month", LocalDate.class)), rs.getInt("released"));
                });
        return releases;
    }

    public List<LinkedOffer> linkedOffers(long cohortId) {
        return jdbc.sql("select o.id, o.title, o.company_id, coalesce(" + COMPANY_NAME.formatted("co") + ", '') as company_name, "
                        + "o.rome_code, o.positions, o.status, o.department_code, l.linked_at "
                        + "from cohort_offer l join offer o on o.id = l.offer_id left join company co on co.id = o.company_id "
                        + "where l.cohort_id = :cohort order by l.linked_at desc, o.id desc")
                .param("cohort", cohortId)
                .query((rs, n) -> new LinkedOffer(rs.getLong("id"), rs.getString("title"), rs.getObject("company_id", Long.class),
                        rs.getString("company_name"), rs.getString("rome_code"), rs.getInt("positions"),
                        OfferStatus.valueOf(rs.getString("status")), rs.getString("department_code"),
                        rs.getTimestamp("linked_at").toInstant())).list();
    }

    public List<Long> linkedOfferIds(long cohortId) {
        return jdbc.sql("select offer_id from cohort_offer where cohort_id = :cohort order by offer_id")
                .param("cohort", cohortId).query(Long.class).list();
    }

    public boolean isLinked(long cohortId, long offerId) {
        return jdbc.sql("select exists (select 1 from cohort_offer where cohort_id = :cohort and offer_id = :offer)")
                .param("cohort", cohortId).param("offer", offerId).query(Boolean.class).single();
    }

    public void link(long cohortId, long offerId, long userId) {
        jdbc.sql("insert into cohort_offer (cohort_id, offer_id, linked_by) values (:cohort, :offer, :user) on conflict do nothing")
                .param("cohort", cohortId).param("offer", offerId).param("user", userId).update();
    }

    public int unlink(long cohortId, long offerId) {
        return jdbc.sql("delete from cohort_offer where cohort_id = :cohort and offer_id = :offer")
                .param("cohort", cohortId).param("offer", offerId).update();
    }

    private static ParticipantSummary participant(ResultSet rs, int row) throws SQLException {
        LocalDate month = CohortQueries.date(rs, "release_month");
        return new ParticipantSummary(rs.getLong("id"), rs.getLong("cohort_id"), rs.getString("code"),
                month == null ? null : YearMonth.from(month), rs.getString("return_department_code"),
                ParticipantState.valueOf(rs.getString("state")), rs.getString("drop_reason"), rs.getBoolean("certification_obtained"),
                situation(rs, "release"), situation(rs, "six_month"), rs.getString("note"), rs.getLong("version"));
    }

    private static ParticipantSummary.Situation situation(ResultSet rs, String prefix) throws SQLException {
        return new ParticipantSummary.Situation(enumOf(Outcome.class, rs.getString(prefix + "_outcome")),
                enumOf(ContractType.class, rs.getString(prefix + "_contract_type")), rs.getObject(prefix + "_offer_id", Long.class),
                rs.getString(prefix + "_offer_title"), rs.getObject(prefix + "_company_id", Long.class),
                rs.getString(prefix + "_company_name"));
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
