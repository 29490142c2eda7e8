package fr.passerelle.campaign;

/** One message as a recipient gets it: the footer with the sender and the opt-out link already added to both bodies. */
public record RenderedMessage(String subject, String html, String text) {
}
