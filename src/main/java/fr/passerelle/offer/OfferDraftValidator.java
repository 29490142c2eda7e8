package fr.passerelle.offer;

import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.EstablishmentDetails;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.reference.RomeJob;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks and normalises an offer as typed; the first problem is reported against its field. The same
 * limits are {@code CHECK} constraints of V11: this only says which field is wrong, in French.
 */
@Component
class OfferDraftValidator {

    static final int TITLE_MAX = 120;
    static final int DESCRIPTION_MAX = 4000;
    static final int COMMUNE_MAX = 100;
    static final int POSITIONS_MAX = 999;
    static final BigDecimal HOURS_MAX = BigDecimal.valueOf(48);

    private final ReferenceService reference;
    private final JdbcClient jdbc;

    OfferDraftValidator(ReferenceService reference, JdbcClient jdbc) {
        this.reference = reference;
        this.jdbc = jdbc;
    }

    /** The draft with its values normalised, and the DISP of its place. */
    record Checked(OfferDraft draft, String dispCode) {
    }

    Checked check(OfferDraft draft) {
        boolean companyExists = jdbc.sql("select exists (select 1 from company where id = :id)").param("id", draft.companyId())
                .query(Boolean.class).single();
        if (!companyExists) {
            throw new OfferException("company", "offer.error.company-not-found");
        }
        Checked fields = offerFields(draft);
        if (draft.contactId() != null) {
            boolean ofCompany = jdbc.sql("select exists (select 1 from contact where id = :id and company_id = :company)")
                    .param("id", draft.contactId()).param("company", draft.companyId()).query(Boolean.class).single();
            if (!ofCompany) {
                throw new OfferException("contactId", "offer.error.contact-not-of-company");
            }
        }
        return fields;
    }

    /**
     * The offer's own fields only (type, ROME, title, description, positions, contract, hours, place, dates), with the
     * same messages: a portal declaration has no company yet. The company and contact ids are kept as given.
     */
    Checked offerFields(OfferDraft draft) {
        OfferType type = required(draft.type(), "type", "offer.error.type-required");
        String romeCode = blankToNull(draft.romeCode());
        if (romeCode == null) {
            throw new OfferException("romeCode", "offer.error.rome-required");
        }
        RomeJob rome = reference.romeJob(romeCode)
                .orElseThrow(() -> new OfferException("romeCode", "offer.error.rome-unknown", romeCode.toUpperCase(Locale.ROOT)));
        String title = draft.title().strip();
        if (title.isEmpty()) {
            throw new OfferException("title", "offer.error.title-required");
        }
        if (title.length() > TITLE_MAX) {
            throw new OfferException("title", "offer.error.too-long", TITLE_MAX);
        }
        String description = blankToNull(draft.description());
        if (description != null && description.length() > DESCRIPTION_MAX) {
            throw new OfferException("description", "offer.error.too-long", DESCRIPTION_MAX);
        }
        Integer positions = required(draft.positions(), "positions", "offer.error.positions-range");
        if (positions < 1 || positions > POSITIONS_MAX) {
            throw new OfferException("positions", "offer.error.positions-range");
        }
        ContractType contract = required(draft.contractType(), "contractType", "offer.error.contract-required");
        BigDecimal hours = draft.hoursPerWeek();
        if (hours != null && (hours.signum() <= 0 || hours.compareTo(HOURS_MAX) > 0)) {
            throw new OfferException("hoursPerWeek", "offer.error.hours-range");
        }
        if (hours != null && hours.stripTrailingZeros().scale() > 1) {
            throw new OfferException("hoursPerWeek", "offer.error.hours-precision");
        }

        String commune = null;
        String departmentCode = null;
        Set<Long> establishments = Set.of();
        String dispCode;
        if (type.inEstablishments()) {
            establishments = draft.establishmentIds();
            dispCode = establishmentsDisp(establishments);
        } else {
            commune = blankToNull(draft.commune());
            if (commune != null && commune.length() > COMMUNE_MAX) {
                throw new OfferException("commune", "offer.error.too-long", COMMUNE_MAX);
            }
            String wanted = blankToNull(draft.departmentCode());
            if (wanted == null) {
                throw new OfferException("departmentCode", "offer.error.department-required");
            }
            DepartmentSummary department = reference.departments().stream()
                    .filter(d -> d.code().equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> new OfferException("departmentCode", "offer.error.department-unknown", wanted));
            departmentCode = department.code();
            dispCode = department.dispCode();
        }

        var start = required(draft.startDate(), "startDate", "offer.error.start-required");
        if (draft.endDate() != null && draft.endDate().isBefore(start)) {
            throw new OfferException("endDate", "offer.error.end-before-start");
        }
        var normalised = new OfferDraft(draft.companyId(), type, rome.code(), title, description, positions, contract, hours,
                commune, departmentCode, establishments, start, draft.endDate(), draft.contactId());
        return new Checked(normalised, dispCode);
    }

    /** Workshop and subcontracting offers target one or more establishments, all of one DISP: that DISP. */
    private String establishmentsDisp(Set<Long> ids) {
        if (ids.isEmpty()) {
            throw new OfferException("establishments", "offer.error.establishments-required");
        }
        Set<String> disps = new HashSet<>();
        for (long id : ids) {
            EstablishmentDetails establishment = reference.establishment(id)
                    .orElseThrow(() -> new OfferException("establishments", "offer.error.establishment-unknown", id));
            disps.add(establishment.dispCode());
        }
        if (disps.size() > 1) {
            throw new OfferException("establishments", "offer.error.establishments-one-disp");
        }
        return disps.iterator().next();
    }

    private static <T> T required(@Nullable T value, String field, String key) {
        if (value == null) {
            throw new OfferException(field, key);
        }
        return value;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
