package fr.passerelle.campaign;

/** One address a campaign writes to: the contact it was chosen through (the lowest id of those sharing it), lower-case. */
public record SegmentRecipient(long contactId, String address, long companyId) {
}
