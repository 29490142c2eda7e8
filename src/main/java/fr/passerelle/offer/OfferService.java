package fr.passerelle.offer;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.offer.domain.OfferStatusChangeRepository;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers for staff: the list, one offer, a company's offers, creating and changing them, moving them
 * from state to state. Staff read every offer; only an administrator or a referent of the offer's DISP
 * (the DISP of its place) changes it; communication teams read. The writes go through
 * {@link OfferOperations}, which a company's portal service and the expiry jobs share.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class OfferService {

    private final OfferQueries queries;
    private final OfferOperations operations;
    private final OfferDraftValidator validator;
    private final OfferStatusChangeRepository changes;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    OfferService(OfferQueries queries, OfferOperations operations, OfferDraftValidator validator,
                 OfferStatusChangeRepository changes, CurrentUser currentUser, JdbcClient jdbc) {
        this.queries = queries;
        this.operations = operations;
        this.validator = validator;
        this.changes = changes;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /**
     * One page of the offers that match the filter, newest first unless sorted by {@code created},
     * {@code updated}, {@code title}, {@code company}, {@code status}, {@code type}, {@code positions},
     * {@code start}, {@code end} or {@code department}.
     */
    public List<OfferSummary> search(OfferFilter filter, Pageable pageable) {
        return queries.page(filter, pageable);
    }

    /** How many offers match, up to 10,001 (the list then says "more than 10,000"). */
    public long count(OfferFilter filter) {
        return queries.count(filter);
    }

    public Optional<OfferDetails> get(long id) {
        return jdbc.sql(DETAILS_SQL + " where o.id = :id").param("id", id).query(this::details).optional();
    }

    public OfferDetails require(long id) {
        return get(id).orElseThrow(() -> new OfferException(null, "offer.error.not-found"));
    }

    /** A company's offers, newest first. */
    public List<OfferSummary> offersOf(long companyId) {
        return queries.ofCompany(companyId);
    }

    /** Every change of the offer's state, newest first (its creation last). */
    public List<StatusChange> statusHistory(long offerId) {
        return changes.findByOfferIdOrderByChangedAtDescIdDesc(offerId).stream()
                .map(c -> new StatusChange(Objects.requireNonNull(c.getId()), c.getOfferId(), c.getFromStatus(), c.getToStatus(),
                        c.getReasonCode(), c.getReason(), c.getChangedBy(), c.getChangedAt()))
                .toList();
    }

    /** Checks and normalises a draft without saving it (forms call it to show errors early). */
    public OfferDraft validate(OfferDraft draft) {
        return validator.check(draft).draft();
    }

    /** Whether the signed-in person may create or change offers placed in that DISP. */
    public boolean canEdit(@Nullable String dispCode) {
        return currentUser.find().filter(user -> OfferActor.isStaff(user.role()))
                .map(user -> OfferActor.of(user).mayChange(dispCode, null)).orElse(false);
    }

    /** Whether the signed-in person may create offers at all (administrators and referents). */
    public boolean canCreate() {
        return currentUser.find().map(SignedInUser::role).filter(OfferActor::isStaff).isPresent();
    }

    /** Enters an offer for a company: source {@code REFERENT}, open at once (staff need no validation). */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public OfferDetails create(OfferDraft draft) {
        return require(operations.create(actor(), draft, OfferSource.REFERENT, OfferStatus.OPEN));
    }

    /** Changes an offer; {@code expectedVersion} is the version the person started from. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public OfferDetails update(long id, long expectedVersion, OfferDraft draft) {
        operations.update(actor(), id, expectedVersion, draft);
        return require(id);
    }

    /**
     * Moves an offer to {@code target}; refuses every move {@link OfferStatus#canBecome} refuses, with the
     * key {@code offer.error.transition}. Rejecting needs a reason code, and a text for {@code OTHER}.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public OfferDetails transition(long id, OfferStatus target, @Nullable RejectionReason reasonCode, @Nullable String reason) {
        operations.transition(actor(), id, target, reasonCode, reason);
        return require(id);
    }

    /**
     * Extends an open offer on its company's behalf (issue 10, expiry): its 90 days restart, an end date
     * within them moves to today + 90 days. Refused for an offer that is not open ({@code offer.expiry.error.not-open}).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public OfferDetails extend(long id) {
        operations.extend(actor(), id);
        return require(id);
    }

    private OfferActor actor() {
        return OfferActor.of(currentUser.require());
    }

    private static final String DETAILS_SQL = """
            select o.*, coalesce(c.legal_name, dc.legal_name) as legal_name, c.trade_name, c.disp_code as company_disp_code,
                   j.label as rome_label, d.name as department_name,
                   coalesce(nullif(btrim(coalesce(k.first_name, '') || ' ' || k.last_name), ''),
                            nullif(btrim(coalesce(dc.contact_first_name, '') || ' ' || dc.contact_last_name), '')) as contact_name
            from offer o
            left join company c on c.id = o.company_id
            left join offer_declaration dc on o.company_id is null and dc.offer_id = o.id
            join rome_job j on j.code = o.rome_code
            left join department d on d.code = o.department_code
            left join contact k on k.id = o.contact_id
            """;

    private OfferDetails details(ResultSet rs, int row) throws SQLException {
        String tradeName = rs.getString("trade_name");
        String legalName = rs.getString("legal_name");
        String company = tradeName == null || tradeName.isBlank() ? legalName : tradeName + " (" + legalName + ")";
        long contact = rs.getLong("contact_id");
        Long contactId = rs.wasNull() ? null : contact;
        String reason = rs.getString("rejection_reason_code");
        String disp = rs.getString("disp_code");
        long companyValue = rs.getLong("company_id");
        Long companyId = rs.wasNull() ? null : companyValue;
        return new OfferDetails(rs.getLong("id"), companyId, company, rs.getString("company_disp_code"),
                OfferType.valueOf(rs.getString("type")), rs.getString("rome_code"), rs.getString("rome_label"),
                rs.getString("rome_family"), rs.getString("title"), rs.getString("description"), rs.getInt("positions"),
                ContractType.valueOf(rs.getString("contract_type")), rs.getObject("hours_per_week", BigDecimal.class),
                rs.getString("commune"), rs.getString("department_code"), rs.getString("department_name"),
                establishments(rs.getLong("id")), disp, rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), OfferSource.valueOf(rs.getString("source")), contactId,
                rs.getString("contact_name"), OfferStatus.valueOf(rs.getString("status")),
                reason == null ? null : RejectionReason.valueOf(reason), rs.getString("rejection_reason"),
                rs.getTimestamp("last_company_update_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"), companyId != null && canEdit(disp));
    }

    private List<OfferDetails.Establishment> establishments(long offerId) {
        return jdbc.sql("""
                        select e.id, e.name, e.disp_code from offer_establishment oe join establishment e on e.id = oe.establishment_id
                        where oe.offer_id = :id order by e.name, e.id""")
                .param("id", offerId).query(OfferDetails.Establishment.class).list();
    }
}
