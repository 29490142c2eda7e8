package fr.passerelle.campaign;

/**
 * How many a segment reaches now, and how many of its contacts it leaves out and why. Each contact left out is
 * counted once, under the first reason that applies in this order: no address, unsubscribed, bounced, on the global
 * opt-out list. An address shared by two contacts of the segment counts twice here; it is written to once when
 * sending (the recipients' stream gives each address once).
 *
 * @param matchedContacts  contacts of the matching companies
 * @param matchedCompanies companies that match the filters and have at least one contact
 * @param recipients       contacts a campaign would write to
 * @param companies        companies with at least one contact written to
 * @param withoutEmail     contacts without an address
 * @param unsubscribed     contacts whose status is {@code UNSUBSCRIBED}
 * @param bounced          contacts whose status is {@code BOUNCED}
 * @param optedOut         contacts whose address is on the global opt-out list
 */
public record SegmentCount(long matchedContacts, long matchedCompanies, long recipients, long companies, long withoutEmail,
                           long unsubscribed, long bounced, long optedOut) {

    public long excluded() {
        return withoutEmail + unsubscribed + bounced + optedOut;
    }
}
