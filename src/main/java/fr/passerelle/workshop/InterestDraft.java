package fr.passerelle.workshop;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * A company's "Je suis intéressé" request about a public space, as typed on the portal. Every text is
 * limited in length (the constants below); HTML is kept as typed and must be shown as text.
 *
 * @param siret   optional; checked (14 digits, Luhn) when given; spaces allowed
 * @param phone   optional; French or international numbers as people write them
 * @param message optional
 */
public record InterestDraft(long spaceId, String companyName, @Nullable String siret, String contactName, String email,
                            @Nullable String phone, @Nullable String message) implements Serializable {

    public static final int MAX_COMPANY_NAME = 200;
    public static final int MAX_CONTACT_NAME = 120;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_PHONE = 30;
    public static final int MAX_MESSAGE = 2000;
}
