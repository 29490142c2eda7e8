package fr.passerelle.base;

/**
 * Which PostgreSQL the application talks to: the embedded zero-setup default or an external server.
 *
 * @param embedded    true when Passerelle started its own PostgreSQL
 * @param description where the data lives, fit for a log line (never a password)
 */
public record DatabaseMode(boolean embedded, String description) {
}
