package fr.passerelle.campaign.internal;

import fr.passerelle.campaign.SegmentCount;
import fr.passerelle.campaign.SegmentFilter;
import fr.passerelle.campaign.SegmentRecipient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A segment as SQL over the partner and offer tables, read only (a reporting read model, decision record 022):
 * predicates exist only for the filters set, so that PostgreSQL plans each combination with its indexes. Measured on
 * a million contacts by {@code bin/benchmark-segments}.
 */
@Component
public class SegmentQueries {

    private final JdbcClient jdbc;

    public SegmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The count, over the companies only: each company's contacts are already counted under their heading (no address,
     * unsubscribed, bounced, active) in {@code campaign_company_reach}, which triggers on {@code contact} keep (V39).
     * The active contacts whose address is on the opt-out list while their status is not yet in step are taken off
     * the active ones and counted apart. An address shared by two contacts is counted twice here and written to once
     * when sending (distinct addresses would mean reading every contact at each count).
     */
    public SegmentCount count(SegmentFilter filter) {
        var params = new HashMap<String, Object>();
        String sql = """
                select count(*) as matched_companies,
                       coalesce(sum(r.contacts), 0) as matched_contacts,
                       coalesce(sum(r.active - coalesce(l.listed, 0)), 0) as recipients,
                       count(*) filter (where r.active > coalesce(l.listed, 0)) as companies,
                       coalesce(sum(r.without_email), 0) as without_email,
                       coalesce(sum(r.unsubscribed), 0) as unsubscribed,
                       coalesce(sum(r.bounced), 0) as bounced,
                       coalesce(sum(l.listed), 0) as opted_out
                from company c
                join campaign_company_reach r on r.company_id = c.id and r.contacts > 0
                left join (%s) l on l.company_id = c.id
                %s
                """.formatted(OptOutExclusion.activeContactsListed(), where(filter, params));
        return jdbc.sql(sql).params(params).query(SegmentCount.class).single();
    }

    /**
     * Every address the segment writes to now, in address order, {@code batchSize} at a time: each batch is one
     * statement that resumes after the last address of the one before, so no transaction or cursor stays open
     * between batches and the campaign's fan-out may write each batch in its own. Returns how many were handed out.
     */
    public long forEachRecipientBatch(SegmentFilter filter, int batchSize, Consumer<List<SegmentRecipient>> batch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        var params = new HashMap<String, Object>();
        String sql = """
                select distinct on (lower(k.email)) k.id as contact_id, lower(k.email) as address, k.company_id
                from company c join contact k on k.company_id = c.id
                join campaign_company_reach r on r.company_id = c.id
                %s and k.email is not null and k.email_status = 'ACTIVE' and not %s and lower(k.email) > :after
                order by lower(k.email), k.id
                limit :batchSize
                """.formatted(where(filter, params), OptOutExclusion.listed("k"));
        params.put("batchSize", batchSize);
        String after = "";
        long total = 0;
        while (true) {
            params.put("after", after);
            List<SegmentRecipient> recipients = jdbc.sql(sql).params(params).query(SegmentRecipient.class).list();
            if (recipients.isEmpty()) {
                return total;
            }
            total += recipients.size();
            batch.accept(recipients);
            if (recipients.size() < batchSize) {
                return total;
            }
            after = recipients.getLast().address();
        }
    }

    /** {@code where …} on {@code company c} and its {@code campaign_company_reach r}: partners of kind COMPANY and the filters set. */
    static String where(SegmentFilter filter, Map<String, Object> params) {
        List<String> predicates = new ArrayList<>();
        predicates.add("c.kind = 'COMPANY'");
        in(predicates, params, "c.disp_code", "disps", filter.dispCodes());
        in(predicates, params, "c.region_code", "regions", filter.regionCodes());
        in(predicates, params, "c.department_code", "departments", filter.departmentCodes());
        if (!filter.nafSections().isEmpty()) {
            predicates.add("c.naf_code in (select s.code from naf_sub_class s where s.section_code in (:sections))");
            params.put("sections", sorted(filter.nafSections()));
        }
        in(predicates, params, "c.workforce_bracket", "brackets",
                filter.workforceBrackets().stream().map(b -> b.code()).collect(Collectors.toSet()));
        in(predicates, params, "c.stage", "stages", names(filter.stages()));
        if (!filter.engagementTypes().isEmpty()) {
            predicates.add("exists (select 1 from engagement e where e.company_id = c.id and e.type in (:engagementTypes))");
            params.put("engagementTypes", sorted(names(filter.engagementTypes())));
        }
        if (!filter.labels().isEmpty()) {
            predicates.add("c.labels && cast(:labels as text[])");
            params.put("labels", sorted(names(filter.labels())).toArray(String[]::new));
        }
        if (filter.noInteractionForMonths() != null) {
            // The latest interaction, kept per company (V39): the same as no interaction since then.
            predicates.add("(r.last_interaction_at is null or r.last_interaction_at < now() - make_interval(months => :months))");
            params.put("months", filter.noInteractionForMonths());
        }
        String offer = "exists (select 1 from offer o where o.company_id = c.id)";
        String declaration = "exists (select 1 from offer_declaration d where d.siret = c.siret)";
        switch (filter.offers()) {
            case WITH_OFFER -> predicates.add("(" + offer + " or " + declaration + ")");
            // Two "not exists" rather than "not (… or …)": each becomes an anti-join over the whole table.
            case WITHOUT_OFFER -> predicates.add("not " + offer + " and not " + declaration);
            case ANY -> { }
        }
        return "where " + String.join(" and ", predicates);
    }

    private static void in(List<String> predicates, Map<String, Object> params, String column, String name,
                           Set<String> values) {
        if (!values.isEmpty()) {
            predicates.add(column + " in (:" + name + ")");
            params.put(name, sorted(values));
        }
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toSet());
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
