package fr.passerelle.offer.internal;

import fr.passerelle.base.DemoSeeder;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferSource;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.OfferType;
import fr.passerelle.offer.RejectionReason;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo offers over the demo companies (created by partner's demo data, found here by SQL): open, pending
 * (declared on the portal by a company the CRM knows, not yet matched to it: in the referents' queues, Dijon's
 * included), expired, filled and rejected, of every type. Only on a database without offers; an advisory lock keeps two instances starting together
 * from both writing them. Written with SQL in one transaction; the audit tables stay empty for them.
 */
@Component
class OfferDemoData implements DemoSeeder {

    /** Two instances starting together on one database write the demo offers once. */
    private static final long LOCK_KEY = 0x4f66_6665_7244_656dL;
    private static final int OFFERS = 90;

    private record Trade(String rome, String title, OfferType type, ContractType contract) {
    }

    private static final List<Trade> TRADES = List.of(
            new Trade("H2913", "Soudeur / soudeuse TIG", OfferType.POST_RELEASE_JOB, ContractType.CDI),
            new Trade("F1603", "Plombier chauffagiste", OfferType.POST_RELEASE_JOB, ContractType.CDD),
            new Trade("G1602", "Commis de cuisine", OfferType.APPRENTICESHIP, ContractType.APPRENTICESHIP),
            new Trade("N1103", "Préparation de commandes en atelier", OfferType.WORKSHOP_JOBS, ContractType.PRISON_EMPLOYMENT),
            new Trade("K2204", "Nettoyage industriel", OfferType.POST_RELEASE_JOB, ContractType.INSERTION),
            new Trade("N1103", "Conditionnement de pièces", OfferType.SUBCONTRACTING, ContractType.PRISON_EMPLOYMENT),
            new Trade("F1601", "Plâtrier en contrat de professionnalisation", OfferType.APPRENTICESHIP, ContractType.PROFESSIONALISATION),
            new Trade("D1102", "Boulanger de nuit", OfferType.POST_RELEASE_JOB, ContractType.INTERIM));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OfferDemoData(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String name() {
        return "demo offers";
    }

    private record DemoCompany(long id, String departmentCode, String dispCode, @Nullable Long contactId) {
    }

    @Override
    public int seed() {
        return Objects.requireNonNull(transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Integer.class).single();
            if (jdbc.sql("select exists (select 1 from offer)").query(Boolean.class).single()) {
                return 0;
            }
            // The companies of the demo data set, those of the referent's DISP first so that its queue is not empty; not
            // the other organisations (decision record 015), which may have no SIRET to declare.
            List<DemoCompany> companies = jdbc.sql("""
                            select c.id, c.department_code, c.disp_code,
                                   (select min(k.id) from contact k where k.company_id = c.id) as contact_id
                            from company c
                            where c.kind = 'COMPANY'
                            order by c.disp_code <> 'DISP DIJON', c.id
                            limit :limit""").param("limit", OFFERS).query(DemoCompany.class).list();
            LocalDate today = DisplayFormats.today();
            int created = 0;
            for (int i = 0; i < companies.size(); i++) {
                create(companies.get(i), i, today);
                created++;
            }
            return created;
        }));
    }

    /** The i-th offer: its trade, state and dates follow from i, so that every kind and state appears. */
    private void create(DemoCompany company, int i, LocalDate today) {
        Trade trade = TRADES.get(i % TRADES.size());
        OfferStatus status = switch (i % 10) {
            case 0, 3 -> OfferStatus.PENDING_VALIDATION;
            case 4 -> OfferStatus.EXPIRED;
            case 6 -> OfferStatus.FILLED;
            case 8 -> OfferStatus.REJECTED;
            default -> OfferStatus.OPEN;
        };
        OfferSource source = status == OfferStatus.PENDING_VALIDATION || status == OfferStatus.REJECTED ? OfferSource.PORTAL
                : OfferSource.REFERENT;
        LocalDate start = today.minusDays(10L * (i % 9)).plusDays(status == OfferStatus.PENDING_VALIDATION ? 30 : 0);
        LocalDate end = status == OfferStatus.EXPIRED ? today.minusDays(3 + i % 20) : start.plusMonths(3 + i % 6);
        if (status == OfferStatus.EXPIRED && end.isBefore(start)) {
            start = end.minusMonths(3);
        }
        OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2L * i % 120).minusHours(i);
        // A pending offer is a declaration from the portal, not yet matched to its company (which the CRM knows).
        boolean pending = status == OfferStatus.PENDING_VALIDATION;
        RejectionReason rejection = status == OfferStatus.REJECTED ? RejectionReason.values()[i % RejectionReason.values().length] : null;
        long offerId = jdbc.sql("""
                        insert into offer (company_id, type, rome_code, title, description, positions, contract_type, hours_per_week,
                                           commune, department_code, start_date, end_date, source, contact_id, status,
                                           rejection_reason_code, rejection_reason, last_company_update_at, created_at, updated_at)
                        values (:company, :type, :rome, :title, :description, :positions, :contract, :hours, null, :department,
                                :start, :end, :source, :contact, :status, :rejection, :rejectionText, :createdAt, :createdAt, :createdAt)
                        returning id""")
                .param("company", pending ? null : company.id()).param("type", trade.type().name()).param("rome", trade.rome())
                .param("title", trade.title()).param("description", "Offre de démonstration : " + trade.title().toLowerCase(java.util.Locale.FRENCH) + ".")
                .param("positions", 1 + i % 6).param("contract", trade.contract().name())
                .param("hours", trade.type().inEstablishments() ? 25 : 35)
                .param("department", trade.type().inEstablishments() ? null : company.departmentCode())
                .param("start", start).param("end", end).param("source", source.name()).param("contact", pending ? null : company.contactId())
                .param("status", status.name()).param("rejection", rejection == null ? null : rejection.name())
                .param("rejectionText", rejection == RejectionReason.OTHER ? "Le poste relève d’une agence d’intérim partenaire." : null)
                .param("createdAt", createdAt)
                .query(Long.class).single();
        if (trade.type().inEstablishments()) {
            jdbc.sql("""
                            insert into offer_establishment (offer_id, establishment_id)
                            select :offer, e.id from establishment e where e.disp_code = :disp and e.active
                            order by e.id offset :skip limit 1""")
                    .param("offer", offerId).param("disp", company.dispCode()).param("skip", i % 3).update();
        }
        if (pending) {
            jdbc.sql("""
                            insert into offer_declaration (offer_id, siret, legal_name, street, postcode, commune, department_code,
                                                           naf_code, workforce_bracket, contact_first_name, contact_last_name,
                                                           contact_job_title, contact_email, contact_phone, consented_at, consent_version)
                            select :offer, c.siret, c.legal_name, c.street, c.postcode, c.commune, c.department_code, c.naf_code,
                                   c.workforce_bracket, k.first_name, coalesce(k.last_name, 'Martin'), k.job_title,
                                   coalesce(k.email, 'recrutement+' || c.id || '@exemple.fr'), k.phone, :createdAt, '2026-12'
                            from company c left join contact k on k.id = :contact
                            where c.id = :company""")
                    .param("offer", offerId).param("contact", company.contactId()).param("company", company.id())
                    .param("createdAt", createdAt).update();
        }
        String by = source == OfferSource.PORTAL ? "portail" : "referent";
        jdbc.sql("insert into offer_status_change (offer_id, from_status, to_status, changed_by, changed_at) values (:offer, null, :to, :by, :at)")
                .param("offer", offerId).param("to", source == OfferSource.PORTAL ? OfferStatus.PENDING_VALIDATION.name() : OfferStatus.OPEN.name())
                .param("by", by).param("at", createdAt).update();
        OfferStatus from = source == OfferSource.PORTAL ? OfferStatus.PENDING_VALIDATION : OfferStatus.OPEN;
        if (status != from) {
            jdbc.sql("""
                            insert into offer_status_change (offer_id, from_status, to_status, reason_code, changed_by, changed_at)
                            values (:offer, :from, :to, :reason, :by, :at)""")
                    .param("offer", offerId).param("from", from.name()).param("to", status.name())
                    .param("reason", rejection == null ? null : rejection.name())
                    .param("by", status == OfferStatus.EXPIRED ? "system" : "referent").param("at", createdAt.plusDays(1)).update();
        }
    }
}
