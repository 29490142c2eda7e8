package fr.passerelle.offer;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.offer.domain.Offer;
import fr.passerelle.offer.domain.OfferRepository;
import fr.passerelle.offer.internal.ExpiringOffers;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in company's own offers, for its space on the portal (issue 10, portal item 4): the list with their
 * states, extending, closing or filling an open offer, changing its positions, adding another offer for the
 * referents to validate. The company is always the signed-in user's ({@link SignedInUser#requireCompanyId()}), never
 * a parameter: an offer of another company answers exactly as one that does not exist ({@code offer.error.not-found}).
 * Each change goes through {@link OfferOperations} as {@code contact:<id>}, so it is recorded, audited, shown in
 * the company's timeline and history, and counts as an update from the company (its 90 days start again).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('COMPANY')")
public class CompanyOfferService {

    private final OfferOperations operations;
    private final OfferRepository offers;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CompanyOfferService(OfferOperations operations, OfferRepository offers, CurrentUser currentUser, JdbcClient jdbc,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.operations = operations;
        this.offers = offers;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** The company's offers, newest first. */
    public List<CompanyOffer> offers() {
        return jdbc.sql(SQL + " order by o.created_at desc, o.id desc").param("company", companyId())
                .query(CompanyOfferService::offer).list();
    }

    /** One of the company's offers; empty for one that does not exist or is another company's. */
    public Optional<CompanyOffer> find(long offerId) {
        return jdbc.sql(SQL + " and o.id = :id").param("company", companyId()).param("id", offerId)
                .query(CompanyOfferService::offer).optional();
    }

    /** @throws OfferException {@code offer.error.not-found} for an offer that does not exist or is another company's */
    public CompanyOffer require(long offerId) {
        return find(offerId).orElseThrow(CompanyOfferService::notFound);
    }

    /**
     * The company says an open offer is still current: its 90 days start again, and an end date within them moves to
     * today + 90 days. Refused for an offer that is not open ({@code offer.expiry.error.not-open}).
     */
    @Transactional
    public CompanyOffer extend(long offerId) {
        Actor actor = actor();
        require(offerId);
        operations.extend(actor.offerActor(), offerId);
        return require(offerId);
    }

    /** Closes an open offer (the company no longer hires for it). */
    @Transactional
    public CompanyOffer close(long offerId) {
        return move(offerId, OfferStatus.CLOSED);
    }

    /** Marks an open offer filled (the company found its people). */
    @Transactional
    public CompanyOffer markFilled(long offerId) {
        return move(offerId, OfferStatus.FILLED);
    }

    /**
     * Changes how many people an open offer is for (1 to 999, else {@code offer.error.positions-range} on field
     * {@code positions}); {@code expectedVersion} is the version the company started from.
     */
    @Transactional
    public CompanyOffer changePositions(long offerId, long expectedVersion, @Nullable Integer positions) {
        Actor actor = actor();
        Offer offer = offers.findById(offerId).filter(o -> Objects.equals(o.getCompanyId(), actor.companyId())).orElseThrow(CompanyOfferService::notFound);
        if (offer.getStatus() != OfferStatus.OPEN) {
            throw new OfferException("positions", "portal.space.offers.error.not-open", offer.getStatus());
        }
        var draft = new OfferDraft(offer.getCompanyId(), offer.getType(), offer.getRomeCode(), offer.getTitle(), offer.getDescription(),
                positions, offer.getContractType(), offer.getHoursPerWeek(), offer.getCommune(), offer.getDepartmentCode(),
                offer.getEstablishmentIds(), offer.getStartDate(), offer.getEndDate(), offer.getContactId());
        operations.update(actor.offerActor(), offerId, expectedVersion, draft);
        return require(offerId);
    }

    /**
     * Adds an offer of the company, followed by the signed-in contact: source {@code PORTAL}, waiting for a referent's
     * validation in the queue of its place's DISP. Errors as for staff's offers ({@link OfferException} with its field).
     */
    @Transactional
    public CompanyOffer add(CompanyOfferDraft draft) {
        Actor actor = actor();
        long id = operations.create(actor.offerActor(), draft.of(actor.companyId(), actor.contactId()), OfferSource.PORTAL,
                OfferStatus.PENDING_VALIDATION);
        CompanyOffer added = require(id);
        // Like a declaration, it waits in the DISP's queue: its referents are told.
        jdbc.sql("select o.disp_code, c.legal_name, c.siret from offer o join company c on c.id = o.company_id where o.id = :id")
                .param("id", id)
                .query((rs, row) -> new OfferDeclared(id, rs.getString("disp_code"), rs.getString("legal_name"), rs.getString("siret")))
                .optional().ifPresent(events::publishEvent);
        return added;
    }

    private CompanyOffer move(long offerId, OfferStatus target) {
        Actor actor = actor();
        require(offerId);
        operations.transition(actor.offerActor(), offerId, target, null, null);
        return require(offerId);
    }

    private long companyId() {
        return currentUser.require().requireCompanyId();
    }

    /** The signed-in company user as the actor of a change: their company, and the contact their account follows. */
    private Actor actor() {
        SignedInUser user = currentUser.require();
        long companyId = user.requireCompanyId();
        // The portal's company account (table of V14): read here, since the portal module builds on this one.
        return jdbc.sql("select contact_id from company_account where id = :account and company_id = :company and enabled")
                .param("account", user.id()).param("company", companyId)
                .query((rs, row) -> new Actor(companyId, user.id(), rs.getObject("contact_id", Long.class)))
                .optional()
                .orElseThrow(() -> new AccessDeniedException("No enabled company account " + user.id() + " for company " + companyId));
    }

    private record Actor(long companyId, long accountId, @Nullable Long contactId) {
        OfferActor offerActor() {
            return OfferActor.company(companyId, contactId == null ? "company-account:" + accountId : "contact:" + contactId);
        }
    }

    private static OfferException notFound() {
        return new OfferException(null, "offer.error.not-found");
    }

    private static final String SQL = """
            select o.id, o.type, o.rome_code, j.label as rome_label, o.title, o.description, o.positions, o.contract_type,
                   o.hours_per_week, o.commune, o.department_code, d.name as department_name,
                   (select string_agg(e.name, ', ' order by e.name) from offer_establishment oe
                    join establishment e on e.id = oe.establishment_id where oe.offer_id = o.id) as establishments,
                   o.start_date, o.end_date, o.status, o.rejection_reason_code, o.rejection_reason, o.last_company_update_at,
                   o.created_at, o.version
            from offer o
            join rome_job j on j.code = o.rome_code
            left join department d on d.code = o.department_code
            where o.company_id = :company""";

    private static CompanyOffer offer(ResultSet rs, int row) throws SQLException {
        OfferStatus status = OfferStatus.valueOf(rs.getString("status"));
        LocalDate end = rs.getObject("end_date", LocalDate.class);
        Instant lastUpdate = rs.getTimestamp("last_company_update_at").toInstant();
        String reason = rs.getString("rejection_reason_code");
        return new CompanyOffer(rs.getLong("id"), OfferType.valueOf(rs.getString("type")), rs.getString("rome_code"),
                rs.getString("rome_label"), rs.getString("title"), rs.getString("description"), rs.getInt("positions"),
                ContractType.valueOf(rs.getString("contract_type")), rs.getObject("hours_per_week", BigDecimal.class),
                place(rs), rs.getObject("start_date", LocalDate.class), end, status,
                reason == null ? null : RejectionReason.valueOf(reason), rs.getString("rejection_reason"),
                status == OfferStatus.OPEN ? ExpiringOffers.lastDay(end, lastUpdate) : null,
                rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    private static String place(ResultSet rs) throws SQLException {
        String establishments = rs.getString("establishments");
        if (establishments != null) {
            return establishments;
        }
        String department = rs.getString("department_code") == null ? null
                : rs.getString("department_name") + " (" + rs.getString("department_code") + ")";
        String commune = rs.getString("commune");
        return commune == null ? (department == null ? "" : department) : department == null ? commune : commune + ", " + department;
    }
}
