package fr.passerelle.partner.domain;

import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.PipelineStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A partner or prospect: a company, identified by its SIRET, or another organisation (a federation, a funder…)
 * whose SIRET is optional (decision record 015). Audited.
 */
@Entity
@Table(name = "company")
@Audited
public class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private @Nullable String siret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartnerKind kind = PartnerKind.COMPANY;

    @Column(nullable = false)
    private String legalName = "";

    private @Nullable String tradeName;
    private @Nullable String nafCode;
    private @Nullable String workforceBracket;
    private @Nullable String street;
    private @Nullable String postcode;
    private @Nullable String commune;

    @Column(nullable = false)
    private String departmentCode = "";

    /** Derived from the department by the database. */
    @NotAudited
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private @Nullable String regionCode;

    /** Derived from the department by the database. */
    @NotAudited
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private @Nullable String dispCode;

    private @Nullable String website;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] labels = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CompanySource source = CompanySource.MANUAL;

    private @Nullable Long ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PipelineStage stage = PipelineStage.PROSPECT;

    private @Nullable String declinedReason;

    @NotAudited
    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    private @Nullable Instant createdAt;

    @NotAudited
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private @Nullable Instant updatedAt;

    @Version
    private long version;

    protected Company() {
    }

    public Company(@Nullable String siret, PartnerKind kind, CompanySource source) {
        this.siret = siret;
        this.kind = kind;
        this.source = source;
    }

    public @Nullable Long getId() { return id; }
    public @Nullable String getSiret() { return siret; }
    public void setSiret(@Nullable String siret) { this.siret = siret; }
    public PartnerKind getKind() { return kind; }
    public void setKind(PartnerKind kind) { this.kind = kind; }
    public String getLegalName() { return legalName; }
    public void setLegalName(String legalName) { this.legalName = legalName; }
    public @Nullable String getTradeName() { return tradeName; }
    public void setTradeName(@Nullable String tradeName) { this.tradeName = tradeName; }
    public @Nullable String getNafCode() { return nafCode; }
    public void setNafCode(@Nullable String nafCode) { this.nafCode = nafCode; }
    public @Nullable String getWorkforceBracket() { return workforceBracket; }
    public void setWorkforceBracket(@Nullable String workforceBracket) { this.workforceBracket = workforceBracket; }
    public @Nullable String getStreet() { return street; }
    public void setStreet(@Nullable String street) { this.street = street; }
    public @Nullable String getPostcode() { return postcode; }
    public void setPostcode(@Nullable String postcode) { this.postcode = postcode; }
    public @Nullable String getCommune() { return commune; }
    public void setCommune(@Nullable String commune) { this.commune = commune; }
    public String getDepartmentCode() { return departmentCode; }
    public void setDepartmentCode(String departmentCode) { this.departmentCode = departmentCode; }
    public @Nullable String getRegionCode() { return regionCode; }
    public @Nullable String getDispCode() { return dispCode; }
    public @Nullable String getWebsite() { return website; }
    public void setWebsite(@Nullable String website) { this.website = website; }
    public String[] getLabels() { return labels.clone(); }
    public void setLabels(String[] labels) { this.labels = labels.clone(); }
    public CompanySource getSource() { return source; }
    public @Nullable Long getOwnerId() { return ownerId; }
    public void setOwnerId(@Nullable Long ownerId) { this.ownerId = ownerId; }
    public PipelineStage getStage() { return stage; }
    public @Nullable String getDeclinedReason() { return declinedReason; }
    public @Nullable Instant getCreatedAt() { return createdAt; }
    public @Nullable Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }

    /** Moves along the pipeline; a declined company keeps the reason it gave. */
    public void moveTo(PipelineStage stage, @Nullable String declinedReason) {
        this.stage = stage;
        this.declinedReason = stage == PipelineStage.DECLINED ? declinedReason : null;
    }
}
