package fr.passerelle.mail;

/**
 * Published, in the transaction that paused it, when a stream paused itself because its error rate passed its
 * limit (never for a pause asked through {@link MailStreams#pause}).
 *
 * @param reason in words, with the figures: {@code "12 errors in 80 attempts (15 %) > 10 %"}
 */
public record MailStreamPaused(String stream, String reason) {
}
