package fr.passerelle.cohort.domain;

import fr.passerelle.cohort.CohortState;
import fr.passerelle.cohort.Sector;
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
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A cohort (promotion): people of one establishment trained together. Its DISP and region are derived from the
 * establishment by the database and read through the queries, never typed. Audited.
 */
@Entity
@Table(name = "cohort")
@Audited
public class Cohort {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private @Nullable Long programmeId;

    @Column(nullable = false)
    private String title = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sector sector = Sector.OTHER;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cohort_rome_job", joinColumns = @JoinColumn(name = "cohort_id"))
    @Column(name = "rome_code")
    private Set<String> romeCodes = new HashSet<>();

    @Column(nullable = false)
    private long establishmentId;

    @Column(nullable = false)
    private LocalDate plannedStart = LocalDate.EPOCH;

    private @Nullable LocalDate plannedEnd;
    private @Nullable LocalDate actualStart;
    private @Nullable LocalDate actualEnd;
    private @Nullable Integer hours;
    private @Nullable String certification;
    private int capacity;

    @Column(nullable = false)
    private long referentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CohortState state = CohortState.PLANNED;

    private @Nullable String cancelReason;

    @Version
    private long version;

    public @Nullable Long getId() { return id; }
    public @Nullable Long getProgrammeId() { return programmeId; }
    public void setProgrammeId(@Nullable Long programmeId) { this.programmeId = programmeId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Sector getSector() { return sector; }
    public void setSector(Sector sector) { this.sector = sector; }
    public Set<String> getRomeCodes() { return Set.copyOf(romeCodes); }
    public void setRomeCodes(Set<String> codes) {
        romeCodes.retainAll(codes);
        romeCodes.addAll(codes);
    }
    public long getEstablishmentId() { return establishmentId; }
    public void setEstablishmentId(long establishmentId) { this.establishmentId = establishmentId; }
    public LocalDate getPlannedStart() { return plannedStart; }
    public void setPlannedStart(LocalDate plannedStart) { this.plannedStart = plannedStart; }
    public @Nullable LocalDate getPlannedEnd() { return plannedEnd; }
    public void setPlannedEnd(@Nullable LocalDate plannedEnd) { this.plannedEnd = plannedEnd; }
    public @Nullable LocalDate getActualStart() { return actualStart; }
    public void setActualStart(@Nullable LocalDate actualStart) { this.actualStart = actualStart; }
    public @Nullable LocalDate getActualEnd() { return actualEnd; }
    public void setActualEnd(@Nullable LocalDate actualEnd) { this.actualEnd = actualEnd; }
    public @Nullable Integer getHours() { return hours; }
    public void setHours(@Nullable Integer hours) { this.hours = hours; }
    public @Nullable String getCertification() { return certification; }
    public void setCertification(@Nullable String certification) { this.certification = certification; }
    public int getCapacity() { return capacity; }
    public void setCapacity(int capacity) { this.capacity = capacity; }
    public long getReferentId() { return referentId; }
    public void setReferentId(long referentId) { this.referentId = referentId; }
    public CohortState getState() { return state; }
    public @Nullable String getCancelReason() { return cancelReason; }
    public long getVersion() { return version; }

    /** Moves to another state; the service has checked the move. */
    public void moveTo(CohortState target, @Nullable String reason) {
        this.state = target;
        this.cancelReason = target == CohortState.CANCELLED ? reason : null;
    }
}
