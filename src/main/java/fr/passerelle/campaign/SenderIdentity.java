package fr.passerelle.campaign;

/**
 * Who the campaigns come from, as every footer says (CNIL: the sender of B2B prospecting is identified).
 *
 * @param name          the organisation that sends
 * @param postalAddress where it is; may be empty when not configured
 */
public record SenderIdentity(String name, String postalAddress) {
}
