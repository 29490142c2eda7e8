package fr.passerelle.workshop;

/** Where a company's "Je suis intéressé" request stands: waiting in the DISP's queue, dealt with, or set aside. */
public enum InterestStatus {
    PENDING,
    HANDLED,
    DISMISSED;

    public String translationKey() {
        return "workshop.interest.status." + name();
    }
}
