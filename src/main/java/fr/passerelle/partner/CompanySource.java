package fr.passerelle.partner;

public enum CompanySource {
    MANUAL, IMPORT, PORTAL, CAMPAIGN;

    public String translationKey() {
        return "partner.source." + name();
    }
}
