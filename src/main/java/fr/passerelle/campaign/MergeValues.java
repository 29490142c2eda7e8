package fr.passerelle.campaign;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the merge fields stand for in one message; a null or blank value is an empty field. */
public record MergeValues(@Nullable String contactFirstName, @Nullable String contactLastName, @Nullable String companyName,
                          @Nullable String referentName, String portalLink, String unsubscribeLink) {

    public Map<MergeField, String> asMap() {
        var values = new EnumMap<MergeField, String>(MergeField.class);
        values.put(MergeField.CONTACT_FIRST_NAME, blankToEmpty(contactFirstName));
        values.put(MergeField.CONTACT_LAST_NAME, blankToEmpty(contactLastName));
        values.put(MergeField.COMPANY_NAME, blankToEmpty(companyName));
        values.put(MergeField.REFERENT_NAME, blankToEmpty(referentName));
        values.put(MergeField.PORTAL_LINK, portalLink);
        values.put(MergeField.UNSUBSCRIBE_LINK, unsubscribeLink);
        return values;
    }

    private static String blankToEmpty(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
