package fr.passerelle.reference;

/** A ROME 4.0 job sheet (fiche métier), e.g. {@code F1603}, with its professional domain and family. */
public record RomeJob(String code, String label, String domainCode, String domainLabel, String familyCode, String familyLabel) {
}
