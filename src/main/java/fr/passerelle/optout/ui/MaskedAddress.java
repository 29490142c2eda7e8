package fr.passerelle.optout.ui;

/**
 * An address shown on a public page with most of its local part hidden ({@code ma•••@exemple.fr}): enough for its
 * owner to recognise it, not enough for someone who found the link to learn it.
 */
final class MaskedAddress {

    private static final String MASK = "•••";

    private MaskedAddress() {
    }

    static String of(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return MASK;
        }
        String local = address.substring(0, at);
        int shown = local.length() <= 3 ? 1 : 2;
        return local.substring(0, Math.min(shown, local.length())) + MASK + address.substring(at);
    }
}
