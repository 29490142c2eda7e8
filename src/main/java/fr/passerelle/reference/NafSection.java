package fr.passerelle.reference;

/** A NAF rév. 2 section (A–U): a company's broad sector, e.g. {@code F} Construction. */
public record NafSection(String code, String label) {
}
