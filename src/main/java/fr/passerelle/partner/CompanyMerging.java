package fr.passerelle.partner;

/**
 * A duplicate company is about to be merged into the kept one and deleted. Published inside the merge's
 * transaction, before the deletion: a module whose rows point at the duplicate (offers) moves them to the
 * kept company with a plain synchronous {@code @EventListener}, or the deletion fails and the merge is
 * rolled back.
 */
public record CompanyMerging(long keptId, long mergedId) {
}
