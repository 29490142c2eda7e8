package fr.passerelle.reference;

/** A DISP (direction interrégionale des services pénitentiaires), e.g. {@code DISP DIJON}. */
public record DispSummary(String code, String name) {
}
