package fr.passerelle.cohort.domain;

import fr.passerelle.cohort.PartnerRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/** A partner organisation (a company of the CRM) in one role for one cohort. Audited. */
@Entity
@Table(name = "cohort_partner")
@Audited
public class CohortPartnership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long cohortId;

    @Column(nullable = false)
    private long companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartnerRole role = PartnerRole.FEDERATION;

    protected CohortPartnership() {
    }

    public CohortPartnership(long cohortId, long companyId, PartnerRole role) {
        this.cohortId = cohortId;
        this.companyId = companyId;
        this.role = role;
    }

    public @Nullable Long getId() { return id; }
    public long getCohortId() { return cohortId; }
    public long getCompanyId() { return companyId; }
    public void setCompanyId(long companyId) { this.companyId = companyId; }
    public PartnerRole getRole() { return role; }
}
