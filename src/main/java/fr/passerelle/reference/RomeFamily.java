package fr.passerelle.reference;

/** One of the 14 ROME broad job families (grands domaines), e.g. {@code F} construction. */
public record RomeFamily(String code, String label) {
}
