package fr.passerelle.cohort;

/** The broad sector a programme or cohort trains for; the first four are the shortage sectors of "Un métier, une Chance". */
public enum Sector {
    CONSTRUCTION, LOGISTICS, HOSPITALITY_CATERING, ENVIRONMENT, INDUSTRY, AGRICULTURE, SERVICES, OTHER;

    public String translationKey() {
        return "cohort.sector." + name();
    }
}
