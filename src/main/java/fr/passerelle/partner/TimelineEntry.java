package fr.passerelle.partner;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a company's timeline: an interaction, a pipeline move or an engagement change. The
 * fields that do not apply to a kind are null.
 */
public record TimelineEntry(Kind kind, Instant at, String author,
                            @Nullable InteractionKind interactionKind, @Nullable String summary, @Nullable String contactName,
                            @Nullable PipelineStage fromStage, @Nullable PipelineStage toStage, @Nullable String reason,
                            @Nullable Change change, @Nullable EngagementType engagementType, @Nullable EngagementStatus engagementStatus) {

    public enum Kind { INTERACTION, PIPELINE_MOVE, ENGAGEMENT }

    public enum Change { CREATED, UPDATED, DELETED }
}
