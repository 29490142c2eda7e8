package fr.passerelle.partner;

import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many companies and their contacts at once, with set-based SQL (decision records 007 and 008): the
 * CSV import's writing half. In the caller's transaction (temporary tables live until it ends):
 * <ol>
 * <li>{@link #createStagingTable()}; the caller fills it with {@code COPY}, one row per company and contact,
 * values normalised, in {@link #STAGING_COLUMNS}' order;</li>
 * <li>{@link #plan} classifies every staged row in one statement: rejected (a SIRET seen again further down,
 * a company outside the signed-in referent's DISP, a new company without a name or department), or to
 * create, to update (same SIRET, some filled field differs) or unchanged; a row's contact is matched by
 * e-mail, else by name. {@link #readPlan} reports the rejected rows and the counts;</li>
 * <li>{@link #write} applies the plan: inserts and updates (only the fields the file fills, nothing deleted),
 * the first pipeline step, and the audit rows under one revision in the signed-in person's name.</li>
 * </ol>
 * The SQL touching partner's tables stays here, beside the entities it must agree with.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class CompanyBulkWriter {

    /** The staging table's columns, in the order a {@code COPY} into {@link #STAGING_TABLE} sends them. */
    public static final List<String> STAGING_COLUMNS = List.of("line", "siret", "legal_name", "trade_name", "naf_code",
            "workforce_bracket", "street", "postcode", "commune", "department_code", "website", "labels", "first_name",
            "last_name", "job_title", "email", "phone");
    /** A temporary table, dropped when the transaction ends. */
    public static final String STAGING_TABLE = "import_row";
    /** How many times {@link #write} reports a step done. */
    public static final int WRITE_STEPS = 6;

    /** Why a staged row cannot be written; {@link RejectedRow#argument()} says more for some. */
    public enum Rejection {
        /** The argument is the line of the first row with this SIRET. */
        SIRET_TWICE,
        LEGAL_NAME_REQUIRED,
        DEPARTMENT_REQUIRED,
        /** The argument is the DISP the company belongs to. */
        OTHER_DISP
    }

    public record RejectedRow(long line, Rejection reason, @Nullable String argument) {
    }

    /** What the plan does: companies to create, to update, left unchanged, and rows rejected. */
    public record Plan(long created, long updated, long unchanged, long rejected) {
    }

    private final JdbcClient jdbc;
    private final PartnerScope scope;

    CompanyBulkWriter(JdbcClient jdbc, PartnerScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /**
     * Creates the staging table. {@code siret} is required; other values are null where the file leaves the
     * cell empty; {@code labels} are {@link CompanyLabel} names joined by commas.
     */
    public void createStagingTable() {
        jdbc.sql("""
                create temporary table import_row (
                    line bigint not null, siret text not null, legal_name text, trade_name text, naf_code text,
                    workforce_bracket text, street text, postcode text, commune text, department_code text, website text,
                    labels text, first_name text, last_name text, job_title text, email text, phone text
                ) on commit drop""").update();
    }

    /**
     * One statement turns the staged rows into the plan, {@code import_plan}: each row's verdict (rejected
     * with its reason, or what it does: create, update, unchanged), the existing company with its SIRET and
     * the company's contact with the row's e-mail (else name). With {@code assignIds} (a run that may write),
     * a company or contact to create gets its id from the table's sequence here: the writes then insert the
     * rows with those ids and never have to match inserted rows back to the file's.
     */
    public void plan(boolean assignIds) {
        SignedInUser user = scope.user();
        // A referent creates and changes the companies of their DISP only, and cannot move one out of it.
        String disp = user.role() == Role.ADMIN ? null : user.dispCode();
        jdbc.sql("""
                create temporary table import_plan on commit drop as
                select p.*,
                       case when p.action = 'CREATE' and :assign then nextval('company_id_seq') else p.existing_id end as company_id,
                       case when p.contact_action = 'CREATE' and p.action in ('CREATE', 'UPDATE') and :assign
                            then nextval('contact_id_seq') else p.matched_contact_id end as contact_id
                from (
                    select v.*,
                           case v.rejected_key when 'SIRET_TWICE' then v.first_line::text
                                               when 'OTHER_DISP' then v.location_disp end as rejected_argument,
                           case when v.rejected_key is not null then null
                                when v.existing_id is null then 'CREATE'
                                when v.company_changed or v.contact_action is not null then 'UPDATE'
                                else 'UNCHANGED' end as action
                    from (
                        select r.line, r.first_line, r.siret, r.legal_name, r.trade_name, r.naf_code, r.workforce_bracket, r.street,
                               r.postcode, r.commune, r.department_code, r.website, r.labels, r.first_name, r.last_name,
                               r.job_title, r.email, r.phone,
                               c.id as existing_id, k.id as matched_contact_id, coalesce(d.disp_code, c.disp_code) as location_disp,
                               case when r.first_line <> r.line then 'SIRET_TWICE'
                                    when c.id is null and r.legal_name is null then 'LEGAL_NAME_REQUIRED'
                                    when c.id is null and r.department_code is null then 'DEPARTMENT_REQUIRED'
                                    when cast(:disp as text) is not null
                                         and (c.id is not null and c.disp_code is distinct from :disp
                                              or d.code is not null and d.disp_code is distinct from :disp) then 'OTHER_DISP'
                               end as rejected_key,
                               -- Only the fields the file fills count: an empty cell never erases.
                               c.id is not null and (
                                      r.legal_name is not null and r.legal_name is distinct from c.legal_name
                                   or r.trade_name is not null and r.trade_name is distinct from c.trade_name
                                   or r.naf_code is not null and r.naf_code is distinct from c.naf_code
                                   or r.workforce_bracket is not null and r.workforce_bracket is distinct from c.workforce_bracket
                                   or r.street is not null and r.street is distinct from c.street
                                   or r.postcode is not null and r.postcode is distinct from c.postcode
                                   or r.commune is not null and r.commune is distinct from c.commune
                                   or r.department_code is not null and r.department_code is distinct from c.department_code
                                   or r.website is not null and r.website is distinct from c.website
                                   or r.labels is not null and not (string_to_array(r.labels, ',') @> c.labels
                                                                    and c.labels @> string_to_array(r.labels, ','))) as company_changed,
                               case when r.last_name is null then null
                                    when k.id is null then 'CREATE'
                                    when r.first_name is not null and r.first_name is distinct from k.first_name
                                      or r.last_name is distinct from k.last_name
                                      or r.job_title is not null and r.job_title is distinct from k.job_title
                                      or r.email is not null and r.email is distinct from k.email
                                      or r.phone is not null and r.phone is distinct from k.phone then 'UPDATE' end as contact_action
                        from (select s.*, min(s.line) over (partition by s.siret) as first_line from import_row s) r
                        -- A SIRET seen again further down the file is rejected: only its first row is matched.
                        left join company c on c.siret = r.siret and r.first_line = r.line
                        left join department d on d.code = r.department_code
                        -- The row's contact: the company's contact with the same e-mail, else (no e-mail in the file) the same name.
                        left join lateral (
                            select k.* from contact k
                            where k.company_id = c.id and r.last_name is not null
                              and (case when r.email is not null then lower(k.email) = r.email
                                        else lower(k.last_name) = lower(r.last_name)
                                             and lower(coalesce(k.first_name, '')) = lower(coalesce(r.first_name, '')) end)
                            order by k.id limit 1) k on true
                    ) v
                ) p""").param("assign", assignIds).param("disp", disp).update();
    }

    /** The plan's rejected rows, in line order, then its counts. */
    public Plan readPlan(Consumer<RejectedRow> rejected) {
        jdbc.sql("""
                select line, rejected_key, rejected_argument from import_plan where rejected_key is not null order by line""")
                .query(rs -> {
                    rejected.accept(new RejectedRow(rs.getLong(1), Rejection.valueOf(rs.getString(2)), rs.getString(3)));
                });
        return jdbc.sql("""
                select count(*) filter (where rejected_key is not null), count(*) filter (where action = 'CREATE'),
                       count(*) filter (where action = 'UPDATE'), count(*) filter (where action = 'UNCHANGED')
                from import_plan""")
                .query((rs, row) -> new Plan(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(1))).single();
    }

    /**
     * Writes the plan (made with {@code assignIds}) and returns the audit revision its changes are recorded
     * under. {@code afterStep} hears of each of the {@link #WRITE_STEPS} steps done and may stop the work by
     * throwing, which rolls the transaction back.
     */
    public long write(IntConsumer afterStep) {
        SignedInUser user = scope.user();
        long revision = jdbc.sql("""
                        insert into audit_revision (id, timestamp, username)
                        values (nextval('audit_revision_seq'), :now, :user) returning id""")
                .param("now", System.currentTimeMillis()).param("user", user.username()).query(Long.class).single();
        Long owner = user.role() == Role.REFERENT ? user.id() : null;
        jdbc.sql("""
                insert into company (id, siret, legal_name, trade_name, naf_code, workforce_bracket, street, postcode, commune,
                                     department_code, website, labels, source, owner_id) overriding system value
                select company_id, siret, legal_name, trade_name, naf_code, workforce_bracket, street, postcode, commune,
                       department_code, website, coalesce(string_to_array(labels, ','), '{}'), 'IMPORT', cast(:owner as bigint)
                from import_plan where action = 'CREATE'""").param("owner", owner).update();
        afterStep.accept(1);
        jdbc.sql("""
                insert into pipeline_move (company_id, from_stage, to_stage, moved_by)
                select company_id, null, 'PROSPECT', :user from import_plan where action = 'CREATE'
                """).param("user", user.username()).update();
        jdbc.sql("""
                update company c set
                    legal_name = coalesce(r.legal_name, c.legal_name), trade_name = coalesce(r.trade_name, c.trade_name),
                    naf_code = coalesce(r.naf_code, c.naf_code), workforce_bracket = coalesce(r.workforce_bracket, c.workforce_bracket),
                    street = coalesce(r.street, c.street), postcode = coalesce(r.postcode, c.postcode),
                    commune = coalesce(r.commune, c.commune), department_code = coalesce(r.department_code, c.department_code),
                    website = coalesce(r.website, c.website), labels = coalesce(string_to_array(r.labels, ','), c.labels),
                    version = c.version + 1
                from import_plan r
                where r.company_id = c.id and r.action = 'UPDATE' and r.company_changed""").update();
        afterStep.accept(2);
        jdbc.sql("""
                update contact k set
                    first_name = coalesce(r.first_name, k.first_name), last_name = r.last_name,
                    job_title = coalesce(r.job_title, k.job_title), email = coalesce(r.email, k.email),
                    phone = coalesce(r.phone, k.phone), version = k.version + 1
                from import_plan r
                where r.contact_id = k.id and r.action = 'UPDATE' and r.contact_action = 'UPDATE'""").update();
        afterStep.accept(3);
        // A new company's contact is its primary one; an existing company's only when it has none yet.
        jdbc.sql("""
                insert into contact (id, company_id, first_name, last_name, job_title, email, phone, is_primary) overriding system value
                select r.contact_id, r.company_id, r.first_name, r.last_name, r.job_title, r.email, r.phone,
                       r.action = 'CREATE' or not exists (select 1 from contact k where k.company_id = r.company_id and k.is_primary)
                from import_plan r where r.contact_action = 'CREATE' and r.action in ('CREATE', 'UPDATE')""").update();
        afterStep.accept(4);
        jdbc.sql("""
                insert into company_aud (id, rev, revtype, siret, kind, legal_name, trade_name, naf_code, workforce_bracket, street, postcode,
                                         commune, department_code, website, labels, source, owner_id, stage, declined_reason)
                select c.id, :rev, case r.action when 'CREATE' then 0 else 1 end, c.siret, c.kind, c.legal_name, c.trade_name, c.naf_code,
                       c.workforce_bracket, c.street, c.postcode, c.commune, c.department_code, c.website, c.labels, c.source,
                       c.owner_id, c.stage, c.declined_reason
                from import_plan r join company c on c.id = r.company_id
                where r.action = 'CREATE' or r.action = 'UPDATE' and r.company_changed
                """).param("rev", revision).update();
        afterStep.accept(5);
        jdbc.sql("""
                insert into contact_aud (id, rev, revtype, company_id, first_name, last_name, job_title, email, phone, is_primary,
                                         email_status)
                select k.id, :rev, case r.contact_action when 'CREATE' then 0 else 1 end, k.company_id, k.first_name, k.last_name,
                       k.job_title, k.email, k.phone, k.is_primary, k.email_status
                from import_plan r join contact k on k.id = r.contact_id
                where r.action in ('CREATE', 'UPDATE') and r.contact_action in ('CREATE', 'UPDATE')
                """).param("rev", revision).update();
        afterStep.accept(6);
        return revision;
    }
}
