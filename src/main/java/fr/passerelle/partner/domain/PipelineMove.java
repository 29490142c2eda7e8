package fr.passerelle.partner.domain;

import fr.passerelle.partner.PipelineStage;
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

/** A company moved from one pipeline stage to another: who, when, from, to, why. */
@Entity
@Table(name = "pipeline_move")
public class PipelineMove {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long companyId;

    @Enumerated(EnumType.STRING)
    private @Nullable PipelineStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PipelineStage toStage = PipelineStage.PROSPECT;

    private @Nullable String reason;

    @Column(nullable = false)
    private String movedBy = "";

    @Column(nullable = false)
    private Instant movedAt = Instant.now();

    protected PipelineMove() {
    }

    public PipelineMove(long companyId, @Nullable PipelineStage fromStage, PipelineStage toStage, @Nullable String reason, String movedBy) {
        this.companyId = companyId;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.reason = reason;
        this.movedBy = movedBy;
    }

    public @Nullable Long getId() { return id; }
    public long getCompanyId() { return companyId; }
    public @Nullable PipelineStage getFromStage() { return fromStage; }
    public PipelineStage getToStage() { return toStage; }
    public @Nullable String getReason() { return reason; }
    public String getMovedBy() { return movedBy; }
    public Instant getMovedAt() { return movedAt; }
}
