package fr.passerelle.workshop.domain;

import fr.passerelle.workshop.InterestStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A company's request about a space. Not audited: it is written once, and its only change (handled or
 * dismissed) records who made it and when in its own columns.
 */
@Entity
@Table(name = "workshop_interest")
public class WorkshopInterest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long spaceId;

    /** Derived by the database from the space's establishment. */
    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    private @Nullable String dispCode;

    @Column(nullable = false)
    private String companyName = "";

    private @Nullable String siret;

    @Column(nullable = false)
    private String contactName = "";

    @Column(nullable = false)
    private String email = "";

    private @Nullable String phone;
    private @Nullable String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InterestStatus status = InterestStatus.PENDING;

    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    private @Nullable Instant createdAt;

    private @Nullable Long handledBy;
    private @Nullable Instant handledAt;

    protected WorkshopInterest() {
    }

    public WorkshopInterest(long spaceId, String companyName, @Nullable String siret, String contactName, String email,
                            @Nullable String phone, @Nullable String message) {
        this.spaceId = spaceId;
        this.companyName = companyName;
        this.siret = siret;
        this.contactName = contactName;
        this.email = email;
        this.phone = phone;
        this.message = message;
    }

    /** Closes the request; only a pending one can be. */
    public void close(InterestStatus outcome, @Nullable Long by, Instant at) {
        if (status != InterestStatus.PENDING || outcome == InterestStatus.PENDING) {
            throw new IllegalStateException("Request " + id + " is " + status + ", it cannot become " + outcome);
        }
        this.status = outcome;
        this.handledBy = by;
        this.handledAt = at;
    }

    public @Nullable Long getId() { return id; }
    public long getSpaceId() { return spaceId; }
    public @Nullable String getDispCode() { return dispCode; }
    public String getCompanyName() { return companyName; }
    public InterestStatus getStatus() { return status; }
    public @Nullable Instant getCreatedAt() { return createdAt; }
}
