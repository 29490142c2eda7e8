package fr.passerelle.partner;

import org.jspecify.annotations.Nullable;

/**
 * A company that may be the same as the one being entered.
 *
 * @param sameSiren true when both share a SIREN (same legal unit); otherwise the names are alike in the same department
 */
public record DuplicateCandidate(long id, @Nullable String siret, String legalName, String commune, String departmentCode,
                                 boolean sameSiren, double nameSimilarity) {
}
