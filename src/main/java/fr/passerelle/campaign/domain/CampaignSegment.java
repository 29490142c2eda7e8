package fr.passerelle.campaign.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A saved segment: its name, its filter as JSON ({@code campaign.SegmentFilter}), who made it. */
@Entity
@Table(name = "campaign_segment")
public class CampaignSegment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private String name = "";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String filter = "{}";

    @Column(nullable = false, updatable = false)
    private long ownerId;

    @Column(nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(nullable = false)
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    protected CampaignSegment() {
    }

    public CampaignSegment(long ownerId, String name, String filter) {
        this.ownerId = ownerId;
        this.name = name;
        this.filter = filter;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public @Nullable Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }
    public long getOwnerId() { return ownerId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
