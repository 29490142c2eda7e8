package fr.passerelle.offer.domain;

import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.RejectionReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An offer moved from one state to another (or was created in one): who, when, from, to, why. */
@Entity
@Table(name = "offer_status_change")
public class OfferStatusChangeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long offerId;

    @Enumerated(EnumType.STRING)
    private @Nullable OfferStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OfferStatus toStatus = OfferStatus.PENDING_VALIDATION;

    @Enumerated(EnumType.STRING)
    private @Nullable RejectionReason reasonCode;

    private @Nullable String reason;

    @Column(nullable = false)
    private String changedBy = "";

    @Column(nullable = false)
    private Instant changedAt = Instant.now();

    protected OfferStatusChangeRecord() {
    }

    public OfferStatusChangeRecord(long offerId, @Nullable OfferStatus fromStatus, OfferStatus toStatus,
                                   @Nullable RejectionReason reasonCode, @Nullable String reason, String changedBy, Instant changedAt) {
        this.offerId = offerId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reasonCode = reasonCode;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public @Nullable Long getId() { return id; }
    public long getOfferId() { return offerId; }
    public @Nullable OfferStatus getFromStatus() { return fromStatus; }
    public OfferStatus getToStatus() { return toStatus; }
    public @Nullable RejectionReason getReasonCode() { return reasonCode; }
    public @Nullable String getReason() { return reason; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
}
