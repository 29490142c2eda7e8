package fr.passerelle.campaign;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.campaign.domain.CampaignSegment;
import fr.passerelle.campaign.domain.CampaignSegmentRepository;
import fr.passerelle.campaign.internal.SegmentQueries;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Segments: communication teams and administrators make and change them; referents read them and their counts.
 * Counts and recipients come from {@link SegmentQueries}, over the partner and offer tables read only.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'COMMUNICATION', 'REFERENT')")
public class SegmentService {

    static final int NAME_MAX = 120;
    private static final String MANAGE = "hasAnyRole('ADMIN', 'COMMUNICATION')";

    private final CampaignSegmentRepository segments;
    private final SegmentQueries queries;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CurrentUser currentUser;

    SegmentService(CampaignSegmentRepository segments, SegmentQueries queries, JdbcClient jdbc, JsonMapper json,
                   CurrentUser currentUser) {
        this.segments = segments;
        this.queries = queries;
        this.jdbc = jdbc;
        this.json = json;
        this.currentUser = currentUser;
    }

    /** Whether the signed-in person may make and change segments (and templates). */
    public boolean canManage() {
        return currentUser.find().map(u -> u.role() == Role.ADMIN || u.role() == Role.COMMUNICATION).orElse(false);
    }

    /** One page of the segments, by name. */
    public List<SegmentSummary> page(Pageable pageable) {
        return jdbc.sql("""
                        select s.id, s.name, coalesce(u.display_name, '') as owner_name, s.created_at, s.updated_at
                        from campaign_segment s left join app_user u on u.id = s.owner_id
                        order by lower(s.name), s.id limit :limit offset :offset""")
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(SegmentSummary.class).list();
    }

    public long countSegments() {
        return segments.count();
    }

    public Optional<Segment> find(long id) {
        return segments.findById(id).map(this::segment);
    }

    /** How many the filter reaches now and how many it leaves out; the filter need not be saved. */
    public SegmentCount count(SegmentFilter filter) {
        check(filter);
        return queries.count(filter);
    }

    /**
     * Every address the segment writes to now, {@code batchSize} at a time (the campaign's fan-out); returns how many.
     */
    @PreAuthorize(MANAGE)
    public long forEachRecipientBatch(long segmentId, int batchSize, Consumer<List<SegmentRecipient>> batch) {
        Segment segment = find(segmentId).orElseThrow(() -> new CampaignException(null, "campaign.error.segment-not-found"));
        return queries.forEachRecipientBatch(segment.filter(), batchSize, batch);
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public Segment create(String name, SegmentFilter filter) {
        String trimmed = name(name, null);
        check(filter);
        var segment = new CampaignSegment(currentUser.require().id(), trimmed, json.writeValueAsString(filter));
        return segment(segments.saveAndFlush(segment));
    }

    /** Saves a change made from {@code version}; refuses it when someone else saved the segment meanwhile. */
    @Transactional
    @PreAuthorize(MANAGE)
    public Segment update(long id, long version, String name, SegmentFilter filter) {
        CampaignSegment segment = segments.findById(id)
                .orElseThrow(() -> new CampaignException(null, "campaign.error.segment-not-found"));
        if (segment.getVersion() != version) {
            throw new CampaignException(null, "campaign.error.changed-meanwhile");
        }
        segment.setName(name(name, id));
        check(filter);
        segment.setFilter(json.writeValueAsString(filter));
        return segment(segments.saveAndFlush(segment));
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public void delete(long id) {
        segments.findById(id).ifPresent(segments::delete);
    }

    private String name(String name, @Nullable Long id) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new CampaignException("name", "campaign.error.name-required");
        }
        if (trimmed.length() > NAME_MAX) {
            throw new CampaignException("name", "campaign.error.name-too-long", NAME_MAX);
        }
        boolean taken = id == null ? segments.existsByNameIgnoreCase(trimmed) : segments.existsByNameIgnoreCaseAndIdNot(trimmed, id);
        if (taken) {
            throw new CampaignException("name", "campaign.error.segment-name-taken");
        }
        return trimmed;
    }

    private static void check(SegmentFilter filter) {
        Integer months = filter.noInteractionForMonths();
        if (months != null && (months < 1 || months > SegmentFilter.MAX_MONTHS)) {
            throw new CampaignException("noInteractionForMonths", "campaign.error.months-range", SegmentFilter.MAX_MONTHS);
        }
    }

    private Segment segment(CampaignSegment segment) {
        String owner = jdbc.sql("select display_name from app_user where id = :id").param("id", segment.getOwnerId())
                .query(String.class).optional().orElse("");
        return new Segment(segment.getId(), segment.getName(), json.readValue(segment.getFilter(), SegmentFilter.class), owner,
                segment.getCreatedAt(), segment.getUpdatedAt(), segment.getVersion());
    }
}
