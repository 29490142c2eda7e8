package fr.passerelle.partner;

public enum InteractionKind {
    CALL, MEETING, ESTABLISHMENT_VISIT, EMAIL, EVENT;

    public String translationKey() {
        return "partner.interaction.kind." + name();
    }
}
