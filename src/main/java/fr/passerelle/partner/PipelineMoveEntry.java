package fr.passerelle.partner;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded move along the pipeline. */
public record PipelineMoveEntry(long id, @Nullable PipelineStage from, PipelineStage to, @Nullable String reason,
                                String movedBy, Instant movedAt) {
}
