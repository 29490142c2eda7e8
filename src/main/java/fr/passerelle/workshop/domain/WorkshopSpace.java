package fr.passerelle.workshop.domain;

import fr.passerelle.workshop.ActivityCategory;
import fr.passerelle.workshop.Availability;
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
import java.time.LocalDate;
import org.hibernate.annotations.Generated;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.generator.EventType;
import org.jspecify.annotations.Nullable;

/** A space of an establishment where a company could run a workshop. Audited. */
@Entity
@Table(name = "workshop_space")
@Audited
public class WorkshopSpace {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long establishmentId;

    @Column(nullable = false)
    private String label = "";

    @Column(name = "area_m2", nullable = false)
    private int areaM2;

    @Column(name = "storage_m2")
    private @Nullable Integer storageM2;

    private boolean loadingDock;
    private @Nullable String currentActivity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityCategory activityCategory = ActivityCategory.OTHER;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Availability availability = Availability.AVAILABLE;

    private @Nullable LocalDate availableFrom;
    private @Nullable Long referentId;
    private @Nullable String notes;
    private boolean publicListing;

    @NotAudited
    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    private @Nullable Instant createdAt;

    /** Set by the database on every write. */
    @NotAudited
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private @Nullable Instant updatedAt;

    @Version
    private long version;

    protected WorkshopSpace() {
    }

    public WorkshopSpace(long establishmentId) {
        this.establishmentId = establishmentId;
    }

    public @Nullable Long getId() { return id; }
    public long getEstablishmentId() { return establishmentId; }
    public void setEstablishmentId(long establishmentId) { this.establishmentId = establishmentId; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public int getAreaM2() { return areaM2; }
    public void setAreaM2(int areaM2) { this.areaM2 = areaM2; }
    public @Nullable Integer getStorageM2() { return storageM2; }
    public void setStorageM2(@Nullable Integer storageM2) { this.storageM2 = storageM2; }
    public boolean isLoadingDock() { return loadingDock; }
    public void setLoadingDock(boolean loadingDock) { this.loadingDock = loadingDock; }
    public @Nullable String getCurrentActivity() { return currentActivity; }
    public void setCurrentActivity(@Nullable String currentActivity) { this.currentActivity = currentActivity; }
    public ActivityCategory getActivityCategory() { return activityCategory; }
    public void setActivityCategory(ActivityCategory activityCategory) { this.activityCategory = activityCategory; }
    public Availability getAvailability() { return availability; }
    public void setAvailability(Availability availability) { this.availability = availability; }
    public @Nullable LocalDate getAvailableFrom() { return availableFrom; }
    public void setAvailableFrom(@Nullable LocalDate availableFrom) { this.availableFrom = availableFrom; }
    public @Nullable Long getReferentId() { return referentId; }
    public void setReferentId(@Nullable Long referentId) { this.referentId = referentId; }
    public @Nullable String getNotes() { return notes; }
    public void setNotes(@Nullable String notes) { this.notes = notes; }
    public boolean isPublicListing() { return publicListing; }
    public void setPublicListing(boolean publicListing) { this.publicListing = publicListing; }
    public long getVersion() { return version; }
}
