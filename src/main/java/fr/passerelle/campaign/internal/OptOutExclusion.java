package fr.passerelle.campaign.internal;

/**
 * The global opt-out list as segment SQL reads it: the {@code optout} module's table {@code mail_opt_out}, one row per
 * blocked address keyed by {@code address_key} ({@code lower(btrim(address))}), read only as its package documents.
 * This is the one place segment SQL depends on how the list is stored.
 *
 * <p>Contact addresses hold no white space ({@code contact_email_format}), so {@code lower(k.email)} is their key and
 * lets PostgreSQL use the indexes on it.
 */
final class OptOutExclusion {

    static final String TABLE = "mail_opt_out";

    private OptOutExclusion() {
    }

    /** True when the address of contact {@code k} is on the list. */
    static String listed(String contact) {
        return "exists (select 1 from " + TABLE + " o where o.address_key = lower(" + contact + ".email))";
    }

    /**
     * Per company, its contacts still {@code ACTIVE} whose address is on the list ({@code company_id, listed}): the
     * optout module sets such contacts' status when it blocks an address (and a trigger when a contact is written), so
     * these are the few not in step yet. The blocked addresses are looked up, sorted, in the index of the active
     * contacts' addresses ({@code contact_active_email_idx}, V40), where those in step are not.
     */
    static String activeContactsListed() {
        return """
                select k.company_id, count(*) as listed
                from contact k
                where k.email_status = 'ACTIVE'
                  and lower(k.email) = any (array(select o.address_key from %s o order by o.address_key))
                group by k.company_id""".formatted(TABLE);
    }
}
