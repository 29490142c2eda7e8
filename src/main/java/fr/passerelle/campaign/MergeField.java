package fr.passerelle.campaign;

import java.util.Arrays;
import java.util.Optional;

/** The merge fields a template may use, written {@code {{contact.firstName}}}; nothing else is allowed in braces. */
public enum MergeField {
    CONTACT_FIRST_NAME("contact.firstName"),
    CONTACT_LAST_NAME("contact.lastName"),
    COMPANY_NAME("company.name"),
    /** The company's referent (its owner in the CRM). */
    REFERENT_NAME("referent.name"),
    /** The portal's declaration page, carrying the campaign once it is sent. */
    PORTAL_LINK("portal.link"),
    /** The recipient's opt-out link; the footer always carries it too. */
    UNSUBSCRIBE_LINK("unsubscribe.link");

    private final String tag;

    MergeField(String tag) {
        this.tag = tag;
    }

    /** What the author writes between the braces. */
    public String tag() {
        return tag;
    }

    public static Optional<MergeField> ofTag(String tag) {
        return Arrays.stream(values()).filter(f -> f.tag.equals(tag)).findFirst();
    }

    public String translationKey() {
        return "campaign.merge-field." + name();
    }
}
