package fr.passerelle.partner.internal;

import fr.passerelle.base.DemoSeeder;
import fr.passerelle.partner.internal.DemoDataSet.CompanyRow;
import fr.passerelle.partner.internal.DemoDataSet.Department;
import fr.passerelle.partner.internal.DemoDataSet.EngagementRow;
import fr.passerelle.partner.internal.DemoDataSet.Establishment;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo data set: in demo mode (the embedded default, or {@code PASSERELLE_DEMO=true}) an empty
 * database gets about 300 fictional companies over every DISP with their contacts, pipeline history,
 * engagements, interactions of the last twelve months and tasks, so that every screen has something
 * to show. It is a {@link DemoSeeder} (order 200), so it runs after the demo accounts exist (the Dijon
 * companies get the demo referent as owner), and never adds anything to a database that has a company. Rows are written with JDBC batches in one transaction;
 * the audit tables stay empty for them (nobody changed them through the application).
 */
@Component
class PartnerDemoData implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(PartnerDemoData.class);
    /** Two instances starting together on one database load the data set once. */
    private static final long LOCK_KEY = 0x5061_7274_4465_6d6fL;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PartnerDemoData(JdbcTemplate jdbcTemplate, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String name() {
        return "demo companies";
    }

    /** Creates the demo data set unless a company exists; returns how many companies it created. */
    @Override
    public int seed() {
        long start = System.nanoTime();
        DemoDataSet.Result created = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Integer.class).single();
            if (jdbc.sql("select exists (select 1 from company)").query(Boolean.class).single()) {
                return null;
            }
            DemoDataSet.Result data = DemoDataSet.generate(reference(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            write(data);
            return data;
        });
        if (created == null) {
            return 0;
        }
        log.info("Demo data: {} companies, {} contacts, {} engagements, {} interactions, {} tasks created in {} ms",
                created.companies().size(), created.contacts().size(), created.engagements().size(),
                created.interactions().size(), created.tasks().size(), (System.nanoTime() - start) / 1_000_000);
        return created.companies().size();
    }

    private DemoDataSet.Reference reference() {
        List<Department> departments = jdbc.sql("select code, name, region_code, disp_code from department where active order by code")
                .query((rs, row) -> new Department(rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
                        rs.getString("disp_code")))
                .list();
        List<Establishment> establishments = jdbc.sql("select id, name, disp_code, department_code from establishment where active order by id")
                .query((rs, row) -> new Establishment(rs.getLong("id"), rs.getString("name"), rs.getString("disp_code"),
                        rs.getString("department_code")))
                .list();
        var nafCodes = new HashSet<>(jdbc.sql("select code from naf_sub_class where active").query(String.class).list());
        Map<String, Long> users = new HashMap<>();
        String[] homeDisp = {"DISP DIJON"};
        jdbc.sql("select id, username, disp_code from app_user where username in ('admin', 'referent') and enabled")
                .query(rs -> {
                    users.put(rs.getString("username"), rs.getLong("id"));
                    if (rs.getString("username").equals("referent") && rs.getString("disp_code") != null) {
                        homeDisp[0] = rs.getString("disp_code");
                    }
                });
        return new DemoDataSet.Reference(departments, establishments, nafCodes, homeDisp[0], users.get("referent"), users.get("admin"));
    }

    private void write(DemoDataSet.Result data) {
        List<CompanyRow> companies = data.companies();
        long[] companyIds = insert("""
                insert into company (siret, legal_name, trade_name, naf_code, workforce_bracket, street, postcode, commune,
                                     department_code, website, labels, source, owner_id, stage, declined_reason, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, companies, (ps, c) -> {
            ps.setString(1, c.siret());
            ps.setString(2, c.legalName());
            ps.setString(3, c.tradeName());
            ps.setString(4, c.nafCode());
            ps.setString(5, c.workforceBracket());
            ps.setString(6, c.street());
            ps.setString(7, c.postcode());
            ps.setString(8, c.commune());
            ps.setString(9, c.departmentCode());
            ps.setString(10, c.website());
            ps.setArray(11, ps.getConnection().createArrayOf("text", c.labels().toArray()));
            ps.setString(12, c.source().name());
            setLong(ps, 13, c.ownerId());
            ps.setString(14, c.stage().name());
            ps.setString(15, c.declinedReason());
            ps.setObject(16, timestamp(c.createdAt()));
        });

        long[] contactIds = insert("""
                insert into contact (company_id, first_name, last_name, job_title, email, phone, is_primary, email_status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, data.contacts(), (ps, c) -> {
            ps.setLong(1, companyIds[c.company()]);
            ps.setString(2, c.firstName());
            ps.setString(3, c.lastName());
            ps.setString(4, c.jobTitle());
            ps.setString(5, c.email());
            ps.setString(6, c.phone());
            ps.setBoolean(7, c.primary());
            ps.setString(8, c.emailStatus().name());
            ps.setObject(9, timestamp(c.createdAt()));
        });

        batch("""
                insert into pipeline_move (company_id, from_stage, to_stage, reason, moved_by, moved_at)
                values (?, ?, ?, ?, ?, ?)
                """, data.moves(), (ps, m) -> {
            ps.setLong(1, companyIds[m.company()]);
            ps.setString(2, m.from() == null ? null : m.from().name());
            ps.setString(3, m.to().name());
            ps.setString(4, m.reason());
            ps.setString(5, m.movedBy());
            ps.setObject(6, timestamp(m.movedAt()));
        });

        List<EngagementRow> engagements = data.engagements();
        long[] engagementIds = insert("""
                insert into engagement (company_id, type, status, start_date, end_date, headcount, volume, notes, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, engagements, (ps, e) -> {
            ps.setLong(1, companyIds[e.company()]);
            ps.setString(2, e.type().name());
            ps.setString(3, e.status().name());
            ps.setObject(4, e.startDate());
            ps.setObject(5, e.endDate(), Types.DATE);
            ps.setInt(6, e.headcount());
            ps.setString(7, e.volume());
            ps.setString(8, e.notes());
            ps.setObject(9, timestamp(e.createdAt()));
        });
        List<long[]> places = new ArrayList<>();
        for (int i = 0; i < engagements.size(); i++) {
            for (long establishment : engagements.get(i).establishmentIds()) {
                places.add(new long[] {engagementIds[i], establishment});
            }
        }
        batch("insert into engagement_establishment (engagement_id, establishment_id) values (?, ?)", places, (ps, p) -> {
            ps.setLong(1, p[0]);
            ps.setLong(2, p[1]);
        });

        batch("""
                insert into interaction (company_id, kind, occurred_at, contact_id, summary, author, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, data.interactions(), (ps, i) -> {
            ps.setLong(1, companyIds[i.company()]);
            ps.setString(2, i.kind().name());
            ps.setObject(3, timestamp(i.occurredAt()));
            ps.setLong(4, contactIds[i.contact()]);
            ps.setString(5, i.summary());
            ps.setString(6, i.author());
            ps.setObject(7, timestamp(i.occurredAt()));
        });

        batch("""
                insert into task (title, due_date, assignee_id, company_id, done, done_at, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, data.tasks(), (ps, t) -> {
            ps.setString(1, t.title());
            ps.setObject(2, t.dueDate());
            ps.setLong(3, t.assigneeId());
            setLong(ps, 4, t.company() < 0 ? null : companyIds[t.company()]);
            ps.setBoolean(5, t.doneAt() != null);
            ps.setObject(6, t.doneAt() == null ? null : timestamp(t.doneAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(7, t.createdBy());
            ps.setObject(8, timestamp(t.createdAt()));
        });
    }

    @FunctionalInterface
    private interface RowSetter<T> {
        void set(PreparedStatement ps, T row) throws SQLException;
    }

    /** Inserts the rows in one batch and returns their generated ids, in order. */
    private <T> long[] insert(String sql, List<T> rows, RowSetter<T> setter) {
        var keys = new GeneratedKeyHolder();
        jdbcTemplate.batchUpdate(con -> con.prepareStatement(sql, new String[] {"id"}), setter(rows, setter), keys);
        List<Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("Expected " + rows.size() + " generated ids, got " + ids.size());
        }
        return ids.stream().mapToLong(key -> ((Number) key.get("id")).longValue()).toArray();
    }

    private <T> void batch(String sql, List<T> rows, RowSetter<T> setter) {
        jdbcTemplate.batchUpdate(sql, setter(rows, setter));
    }

    private static <T> BatchPreparedStatementSetter setter(List<T> rows, RowSetter<T> setter) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, rows.get(i));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        };
    }

    private static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
