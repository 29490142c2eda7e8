package fr.passerelle.offer;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.ContactDraft;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.partner.WorkforceBracket;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referents' moderation queue of offers: those waiting for validation, oldest first, of the referent's DISP (an
 * administrator's: every DISP's, or one's); validating one (its company matched by SIRET or created, its contact
 * added, the offer opened, the company e-mailed) or rejecting it (the reason e-mailed). Only an administrator or a
 * referent of the offer's DISP validates or rejects it, whatever calls this service.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class ModerationService {

    private final OfferOperations operations;
    private final CompanyService companies;
    private final ContactService contacts;
    private final ModerationMails mails;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    ModerationService(OfferOperations operations, CompanyService companies, ContactService contacts,
                      ModerationMails mails, CurrentUser currentUser, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.operations = operations;
        this.companies = companies;
        this.contacts = contacts;
        this.mails = mails;
        this.currentUser = currentUser;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * The offers waiting for validation, oldest first: of {@code dispCode}, or every DISP's for an administrator who
     * gives null. A referent who gives null gets their own DISP's; another DISP is refused.
     */
    public List<PendingOffer> pending(@Nullable String dispCode, Pageable pageable) {
        String disp = queueDisp(dispCode);
        return jdbc.sql(PENDING_SQL + (disp == null ? "" : " and o.disp_code = :disp") + " order by o.created_at, o.id limit :limit offset :offset")
                .params(disp == null ? java.util.Map.of() : java.util.Map.of("disp", disp))
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(ModerationService::pendingOffer).list().stream().map(this::withKnownCompany).toList();
    }

    /** How many offers {@link #pending} lists for the same argument. */
    public long countPending(@Nullable String dispCode) {
        String disp = queueDisp(dispCode);
        return jdbc.sql("select count(*) from offer o where o.status = 'PENDING_VALIDATION'" + (disp == null ? "" : " and o.disp_code = :disp"))
                .params(disp == null ? java.util.Map.of() : java.util.Map.of("disp", disp)).query(Long.class).single();
    }

    /** One offer waiting for validation, for an administrator or a referent of its DISP. */
    public Optional<PendingOffer> pendingOffer(long offerId) {
        Optional<PendingOffer> found = find(offerId);
        found.ifPresent(offer -> requireModerate(offer.dispCode()));
        return found.map(this::withKnownCompany);
    }

    /** Whether the signed-in person may validate or reject offers of that DISP. */
    public boolean canModerate(@Nullable String dispCode) {
        return currentUser.find().filter(user -> OfferActor.isStaff(user.role()))
                .map(user -> OfferActor.of(user).mayChange(dispCode, null)).orElse(false);
    }

    /**
     * Validates an offer, in one transaction: a declaration gets the CRM company with its SIRET, or a new one (source
     * {@code PORTAL}, owned by the validating referent, with the declared details), moved to {@code CONTACTED} when it is
     * a prospect; the declared contact is added unless the company has one with that e-mail address; then the offer
     * opens (recorded, audited, {@link OfferStatusChanged}), its contact is e-mailed with the portal's sign-in link, and
     * {@link OfferValidated} is published (the portal creates the company's account on it).
     *
     * @throws OfferException when the offer is not waiting, or the company or contact cannot be recorded (the message
     *                        says why: a company of a DISP the referent cannot change, a value partner refuses)
     * @throws AccessDeniedException for a referent of another DISP
     */
    @Transactional
    public Validation validate(long offerId) {
        PendingOffer offer = waiting(offerId);
        OfferActor actor = actor();
        if (offer.companyId() != null) {
            operations.transition(actor, offerId, OfferStatus.OPEN, null, null);
            Long contactId = jdbc.sql("select contact_id from offer where id = :id").param("id", offerId).query(Long.class).optional().orElse(null);
            if (offer.contactEmail() != null && contactId != null) {
                mails.validated(offerId, offer.contactEmail(), offer.contactName(), offer.title());
                events.publishEvent(new OfferValidated(offerId, offer.companyId(), contactId, offer.contactEmail()));
            }
            return new Validation(offerId, offer.companyId(), contactId, false, false);
        }
        String email = java.util.Objects.requireNonNull(offer.contactEmail());
        try {
            Optional<CompanyDetails> known = companies.findBySiret(java.util.Objects.requireNonNull(offer.siret()));
            CompanyDetails company = known.orElseGet(() -> companies.create(companyDraft(offer), CompanySource.PORTAL));
            if (company.stage() == PipelineStage.PROSPECT) {
                companies.moveStage(company.id(), PipelineStage.CONTACTED, null);
            }
            Optional<ContactSummary> existing = contacts.ofCompany(company.id()).stream()
                    .filter(c -> email.equalsIgnoreCase(c.email())).findFirst();
            ContactSummary contact = existing.orElseGet(() -> contacts.add(company.id(), new ContactDraft(offer.contactFirstName(),
                    java.util.Objects.requireNonNull(offer.contactLastName()), offer.contactJobTitle(), email, offer.contactPhone(),
                    false, EmailStatus.ACTIVE)));
            operations.assignCompany(actor, offerId, company.id(), contact.id());
            operations.transition(actor, offerId, OfferStatus.OPEN, null, null);
            mails.validated(offerId, email, offer.contactName(), offer.title());
            events.publishEvent(new OfferValidated(offerId, company.id(), contact.id(), email));
            return new Validation(offerId, company.id(), contact.id(), known.isEmpty(), existing.isEmpty());
        } catch (PartnerException e) {
            throw new OfferException(null, e.messageKey(), e.arguments());
        } catch (AccessDeniedException e) {
            // The offer is in the referent's DISP, but the company it belongs to is in another one.
            throw new OfferException(null, "moderation.error.company-of-other-disp");
        }
    }

    /**
     * Rejects an offer waiting for validation with a reason (and a text, required for {@code OTHER}); its contact is
     * e-mailed the reason.
     *
     * @throws OfferException {@code reasonCode} or {@code reason} naming the missing field
     * @throws AccessDeniedException for a referent of another DISP
     */
    @Transactional
    public void reject(long offerId, @Nullable RejectionReason reasonCode, @Nullable String reason) {
        PendingOffer offer = waiting(offerId);
        operations.transition(actor(), offerId, OfferStatus.REJECTED, reasonCode, reason);
        if (offer.contactEmail() != null && reasonCode != null) {
            mails.rejected(offerId, offer.contactEmail(), offer.contactName(), offer.title(), reasonCode,
                    OfferDraftValidator.blankToNull(reason));
        }
    }

    private PendingOffer waiting(long offerId) {
        PendingOffer offer = find(offerId).orElseThrow(() -> new OfferException(null, "offer.error.not-found"));
        requireModerate(offer.dispCode());
        return offer;
    }

    /** The company as declared, for partner; its department from the address, else from the offer's place. */
    private CompanyDraft companyDraft(PendingOffer offer) {
        String department = offer.companyDepartmentCode();
        if (department == null && offer.companyPostcode() == null) {
            department = offer.departmentCode() != null ? offer.departmentCode() : establishmentDepartment(offer.offerId());
        }
        WorkforceBracket bracket = offer.workforceBracketCode() == null ? null
                : WorkforceBracket.ofCode(offer.workforceBracketCode()).orElse(null);
        // No owner given: partner makes the validating referent the owner (an administrator leaves it to the rule).
        return new CompanyDraft(java.util.Objects.requireNonNull(offer.siret()), offer.companyName(), null, offer.nafCode(), bracket,
                offer.companyStreet(), offer.companyPostcode(), offer.companyCommune(), department, null, Set.of(), null);
    }

    private @Nullable String establishmentDepartment(long offerId) {
        return jdbc.sql("""
                        select e.department_code from offer_establishment oe join establishment e on e.id = oe.establishment_id
                        where oe.offer_id = :id order by e.id limit 1""")
                .param("id", offerId).query(String.class).optional().orElse(null);
    }

    private PendingOffer withKnownCompany(PendingOffer offer) {
        if (offer.companyId() != null || offer.siret() == null) {
            return offer;
        }
        return companies.findBySiret(offer.siret()).map(c -> offer.withKnownCompany(c.id(), c.legalName())).orElse(offer);
    }

    private Optional<PendingOffer> find(long offerId) {
        return jdbc.sql(PENDING_SQL + " and o.id = :id").param("id", offerId).query(ModerationService::pendingOffer).optional();
    }

    private OfferActor actor() {
        return OfferActor.of(currentUser.require());
    }

    private void requireModerate(String dispCode) {
        if (!canModerate(dispCode)) {
            throw new AccessDeniedException("Only an administrator or a referent of " + dispCode + " moderates its offers");
        }
    }

    private @Nullable String queueDisp(@Nullable String dispCode) {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return dispCode;
        }
        if (dispCode != null && !dispCode.equals(user.dispCode())) {
            throw new AccessDeniedException("A referent sees the queue of their own DISP only");
        }
        // A referent without a DISP (never: the database requires one) would see nothing rather than everything.
        return user.dispCode() == null ? "" : user.dispCode();
    }

    private static final String PENDING_SQL = """
            select o.id, o.created_at, o.disp_code, o.title, o.type, o.rome_code, j.label as rome_label, o.description, o.positions,
                   o.contract_type, o.hours_per_week, o.commune, o.department_code, o.start_date, o.end_date, o.source, o.company_id,
                   (select string_agg(e.name, ', ' order by e.name) from offer_establishment oe
                    join establishment e on e.id = oe.establishment_id where oe.offer_id = o.id) as establishments,
                   coalesce(c.legal_name, d.legal_name) as company_name, coalesce(c.siret, d.siret) as siret,
                   coalesce(d.street, c.street) as company_street, coalesce(d.postcode, c.postcode) as company_postcode,
                   coalesce(d.commune, c.commune) as company_commune,
                   case when d.offer_id is null then c.department_code else d.department_code end as company_department_code,
                   coalesce(d.naf_code, c.naf_code) as naf_code, coalesce(d.workforce_bracket, c.workforce_bracket) as workforce_bracket,
                   case when d.offer_id is null then k.first_name else d.contact_first_name end as contact_first_name,
                   case when d.offer_id is null then k.last_name else d.contact_last_name end as contact_last_name,
                   case when d.offer_id is null then k.job_title else d.contact_job_title end as contact_job_title,
                   case when d.offer_id is null then k.email else d.contact_email end as contact_email,
                   case when d.offer_id is null then k.phone else d.contact_phone end as contact_phone,
                   d.offer_id is not null and o.company_id is null as declared
            from offer o
            join rome_job j on j.code = o.rome_code
            left join company c on c.id = o.company_id
            left join offer_declaration d on d.offer_id = o.id
            left join contact k on k.id = o.contact_id
            where o.status = 'PENDING_VALIDATION'""";

    private static PendingOffer pendingOffer(ResultSet rs, int row) throws SQLException {
        long company = rs.getLong("company_id");
        Long companyId = rs.wasNull() ? null : company;
        return new PendingOffer(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("disp_code"),
                rs.getString("title"), OfferType.valueOf(rs.getString("type")), rs.getString("rome_code"), rs.getString("rome_label"),
                rs.getString("description"), rs.getInt("positions"), ContractType.valueOf(rs.getString("contract_type")),
                rs.getObject("hours_per_week", BigDecimal.class), rs.getString("commune"), rs.getString("department_code"),
                rs.getString("establishments"), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                OfferSource.valueOf(rs.getString("source")), companyId, rs.getString("company_name"), rs.getString("siret"),
                rs.getString("company_street"), rs.getString("company_postcode"), rs.getString("company_commune"),
                rs.getString("company_department_code"), rs.getString("naf_code"), rs.getString("workforce_bracket"),
                rs.getString("contact_first_name"), rs.getString("contact_last_name"), rs.getString("contact_job_title"),
                rs.getString("contact_email"), rs.getString("contact_phone"), rs.getBoolean("declared"), null, null);
    }
}
