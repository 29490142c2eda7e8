package fr.passerelle.workshop;

/** Whether a company could move into a space now, from a date, or not at the moment. */
public enum Availability {
    AVAILABLE,
    /** Free from {@code availableFrom}; shown as available once that date has come. */
    AVAILABLE_FROM,
    OCCUPIED;

    public String translationKey() {
        return "workshop.availability." + name();
    }
}
