package fr.passerelle.partner.domain;

import fr.passerelle.partner.EngagementStatus;
import fr.passerelle.partner.EngagementType;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.Generated;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.generator.EventType;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "engagement")
@Audited
public class Engagement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EngagementType type = EngagementType.WORKSHOP;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EngagementStatus status = EngagementStatus.PLANNED;

    private @Nullable LocalDate startDate;
    private @Nullable LocalDate endDate;
    private @Nullable Integer headcount;
    private @Nullable String volume;
    private @Nullable String notes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "engagement_establishment", joinColumns = @JoinColumn(name = "engagement_id"))
    @Column(name = "establishment_id")
    private Set<Long> establishmentIds = new HashSet<>();

    @NotAudited
    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    private @Nullable Instant createdAt;

    @Version
    private long version;

    protected Engagement() {
    }

    public Engagement(long companyId, EngagementType type) {
        this.companyId = companyId;
        this.type = type;
    }

    public @Nullable Long getId() { return id; }
    public long getCompanyId() { return companyId; }
    public void moveToCompany(long companyId) { this.companyId = companyId; }
    public EngagementType getType() { return type; }
    public void setType(EngagementType type) { this.type = type; }
    public EngagementStatus getStatus() { return status; }
    public void setStatus(EngagementStatus status) { this.status = status; }
    public @Nullable LocalDate getStartDate() { return startDate; }
    public void setStartDate(@Nullable LocalDate startDate) { this.startDate = startDate; }
    public @Nullable LocalDate getEndDate() { return endDate; }
    public void setEndDate(@Nullable LocalDate endDate) { this.endDate = endDate; }
    public @Nullable Integer getHeadcount() { return headcount; }
    public void setHeadcount(@Nullable Integer headcount) { this.headcount = headcount; }
    public @Nullable String getVolume() { return volume; }
    public void setVolume(@Nullable String volume) { this.volume = volume; }
    public @Nullable String getNotes() { return notes; }
    public void setNotes(@Nullable String notes) { this.notes = notes; }
    public Set<Long> getEstablishmentIds() { return Set.copyOf(establishmentIds); }
    public long getVersion() { return version; }
    public void setEstablishmentIds(Set<Long> ids) {
        establishmentIds.clear();
        establishmentIds.addAll(ids);
    }
}
