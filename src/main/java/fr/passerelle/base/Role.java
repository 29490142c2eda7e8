package fr.passerelle.base;

/**
 * What a person may do in Passerelle. Kept in the shared kernel because every module checks it
 * (with the referent's DISP) to scope its services.
 */
public enum Role {
    /** National coordination: users, reference data, every region. */
    ADMIN,
    /** Interregional referent (R2IP), attached to one DISP. */
    REFERENT,
    /** Communication teams: segments, templates, campaigns; never participant data. */
    COMMUNICATION,
    /** A company's contact person on the public portal. */
    COMPANY;

    public String authority() {
        return "ROLE_" + name();
    }

    public static final String ADMIN_NAME = "ADMIN";
    public static final String REFERENT_NAME = "REFERENT";
    public static final String COMMUNICATION_NAME = "COMMUNICATION";
    public static final String COMPANY_NAME = "COMPANY";
}
