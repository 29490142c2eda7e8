package fr.passerelle.optout;

/**
 * What a valid unsubscribe token says: who unsubscribes, from which campaign's message.
 *
 * @param address the normalised recipient address
 */
public record UnsubscribeToken(String address, long campaignId) {

    /** The opt-out's source: the campaign's stream name ({@code campaign:42}). */
    public String source() {
        return "campaign:" + campaignId;
    }
}
