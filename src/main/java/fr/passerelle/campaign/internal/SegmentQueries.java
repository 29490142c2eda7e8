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
     * The count, over one row per company ({@code campaign_company_reach}, kept by triggers, V39): the companies'
     * columns the filters read, their contacts already counted under their heading (no address, unsubscribed, bounced,
     * active), their offers and latest interaction. The active contacts whose address is on the opt-out list while
     * their status is not yet in step are then taken off the active ones of the matching companies and counted apart.
     * An address shared by two contacts is counted twice here and written to once when sending (distinct addresses
     * would mean reading every contact at each count).
     */
    public SegmentCount count(SegmentFilter filter) {
        var params = new HashMap<String, Object>();
        String matches = matches(filter, params);
        String sql = """
                select t.matched_companies, t.matched_contacts, t.active - x.listed as recipients,
                       t.companies - x.emptied as companies, t.without_email, t.unsubscribed, t.bounced, x.listed as opted_out
                from (select count(*) as matched_companies, coalesce(sum(r.contacts), 0) as matched_contacts,
                             coalesce(sum(r.active), 0) as active, count(*) filter (where r.active > 0) as companies,
                             coalesce(sum(r.without_email), 0) as without_email, coalesce(sum(r.unsubscribed), 0) as unsubscribed,
                             coalesce(sum(r.bounced), 0) as bounced
                      from campaign_company_reach r where %1$s and r.contacts > 0) t,
                     -- Usually none: one lookup by company for each company with such contacts.
                     (select coalesce(sum(l.listed), 0) as listed, count(*) filter (where m.active = l.listed) as emptied
                      from (%2$s) l cross join lateral (
                          select r.active from campaign_company_reach r where r.company_id = l.company_id and %1$s offset 0) m) x
                """.formatted(matches, OptOutExclusion.activeContactsListed());
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
                from campaign_company_reach r join contact k on k.company_id = r.company_id
                where %s and k.email is not null and k.email_status = 'ACTIVE' and not %s and lower(k.email) > :after
                order by lower(k.email), k.id
                limit :batchSize
                """.formatted(matches(filter, params), OptOutExclusion.listed("k"));
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

    /** The condition on a company's {@code campaign_company_reach r}: partners of kind COMPANY and the filters set. */
    static String matches(SegmentFilter filter, Map<String, Object> params) {
        List<String> predicates = new ArrayList<>();
        predicates.add("r.kind = 'COMPANY'");
        in(predicates, params, "r.disp_code", "disps", filter.dispCodes());
        in(predicates, params, "r.region_code", "regions", filter.regionCodes());
        in(predicates, params, "r.department_code", "departments", filter.departmentCodes());
        if (!filter.nafSections().isEmpty()) {
            predicates.add("r.naf_code in (select s.code from naf_sub_class s where s.section_code in (:sections))");
            params.put("sections", sorted(filter.nafSections()));
        }
        in(predicates, params, "r.workforce_bracket", "brackets",
                filter.workforceBrackets().stream().map(b -> b.code()).collect(Collectors.toSet()));
        in(predicates, params, "r.stage", "stages", names(filter.stages()));
        if (!filter.engagementTypes().isEmpty()) {
            predicates.add("exists (select 1 from engagement e where e.company_id = r.company_id and e.type in (:engagementTypes))");
            params.put("engagementTypes", sorted(names(filter.engagementTypes())));
        }
        if (!filter.labels().isEmpty()) {
            predicates.add("r.labels && cast(:labels as text[])");
            params.put("labels", sorted(names(filter.labels())).toArray(String[]::new));
        }
        if (filter.noInteractionForMonths() != null) {
            // The latest interaction: none since the cut-off means it is older, or there is none.
            predicates.add("(r.last_interaction_at is null or r.last_interaction_at < now() - make_interval(months => :months))");
            params.put("months", filter.noInteractionForMonths());
        }
        // Portal declarations not tied to the company yet are few: matched on the SIRET.
        String declaration = "exists (select 1 from offer_declaration d where d.siret = r.siret)";
        switch (filter.offers()) {
            case WITH_OFFER -> predicates.add("(r.offers > 0 or " + declaration + ")");
            case WITHOUT_OFFER -> predicates.add("r.offers = 0 and not " + declaration);
            case ANY -> { }
        }
        return String.join(" and ", predicates);
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
