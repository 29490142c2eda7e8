package fr.passerelle.offer.domain;

import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferSource;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.OfferType;
import fr.passerelle.offer.RejectionReason;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.Generated;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.generator.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An offer of a company. Audited. Its DISP and search document are derived by the database (V11), its
 * state changes only through {@link #moveTo}, which the service calls after {@link OfferStatus#canBecome}.
 */
@Entity
@Table(name = "offer")
@Audited
public class Offer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    /** Null only for a declaration from the portal until a referent matches it to a company (V12). */
    private @Nullable Long companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OfferType type = OfferType.POST_RELEASE_JOB;

    @Column(nullable = false)
    private String romeCode = "";

    @Column(nullable = false)
    private String title = "";

    private @Nullable String description;

    private int positions = 1;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContractType contractType = ContractType.CDI;

    private @Nullable BigDecimal hoursPerWeek;
    private @Nullable String commune;
    private @Nullable String departmentCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "offer_establishment", joinColumns = @JoinColumn(name = "offer_id"))
    @Column(name = "establishment_id")
    private Set<Long> establishmentIds = new HashSet<>();

    @Column(nullable = false)
    private LocalDate startDate = LocalDate.EPOCH;

    private @Nullable LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OfferSource source = OfferSource.REFERENT;

    private @Nullable Long contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OfferStatus status = OfferStatus.PENDING_VALIDATION;

    @Enumerated(EnumType.STRING)
    private @Nullable RejectionReason rejectionReasonCode;

    private @Nullable String rejectionReason;

    // Audited (V19): an extension may change nothing else.
    @Column(nullable = false)
    private Instant lastCompanyUpdateAt = Instant.now();

    @NotAudited
    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    private @Nullable Instant createdAt;

    @NotAudited
    @Column(nullable = false)
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    protected Offer() {
    }

    public Offer(@Nullable Long companyId, OfferSource source, OfferStatus status) {
        this.companyId = companyId;
        this.source = source;
        this.status = status;
    }

    public @Nullable Long getId() { return id; }
    public @Nullable Long getCompanyId() { return companyId; }
    public void moveToCompany(long companyId) { this.companyId = companyId; }
    /** A declaration matched to its CRM company and contact when a referent validates it. */
    public void assignCompany(long companyId, @Nullable Long contactId) {
        this.companyId = companyId;
        this.contactId = contactId;
    }
    public OfferType getType() { return type; }
    public void setType(OfferType type) { this.type = type; }
    public String getRomeCode() { return romeCode; }
    public void setRomeCode(String romeCode) { this.romeCode = romeCode; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public @Nullable String getDescription() { return description; }
    public void setDescription(@Nullable String description) { this.description = description; }
    public int getPositions() { return positions; }
    public void setPositions(int positions) { this.positions = positions; }
    public ContractType getContractType() { return contractType; }
    public void setContractType(ContractType contractType) { this.contractType = contractType; }
    public @Nullable BigDecimal getHoursPerWeek() { return hoursPerWeek; }
    public void setHoursPerWeek(@Nullable BigDecimal hoursPerWeek) { this.hoursPerWeek = hoursPerWeek; }
    public @Nullable String getCommune() { return commune; }
    public void setCommune(@Nullable String commune) { this.commune = commune; }
    public @Nullable String getDepartmentCode() { return departmentCode; }
    public void setDepartmentCode(@Nullable String departmentCode) { this.departmentCode = departmentCode; }
    public Set<Long> getEstablishmentIds() { return Set.copyOf(establishmentIds); }
    public void setEstablishmentIds(Set<Long> ids) {
        establishmentIds.retainAll(ids);
        establishmentIds.addAll(ids);
    }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public @Nullable LocalDate getEndDate() { return endDate; }
    public void setEndDate(@Nullable LocalDate endDate) { this.endDate = endDate; }
    public OfferSource getSource() { return source; }
    public @Nullable Long getContactId() { return contactId; }
    public void setContactId(@Nullable Long contactId) { this.contactId = contactId; }
    public OfferStatus getStatus() { return status; }
    public @Nullable RejectionReason getRejectionReasonCode() { return rejectionReasonCode; }
    public @Nullable String getRejectionReason() { return rejectionReason; }
    public Instant getLastCompanyUpdateAt() { return lastCompanyUpdateAt; }
    public void companyUpdated(Instant at) { this.lastCompanyUpdateAt = at; }
    public @Nullable Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void touch(Instant at) { this.updatedAt = at; }
    public long getVersion() { return version; }

    /** Moves to another state (the caller has checked the move); a rejected offer keeps why. */
    public void moveTo(OfferStatus target, @Nullable RejectionReason reasonCode, @Nullable String reasonText) {
        this.status = target;
        this.rejectionReasonCode = target == OfferStatus.REJECTED ? reasonCode : null;
        this.rejectionReason = target == OfferStatus.REJECTED ? reasonText : null;
    }
}
