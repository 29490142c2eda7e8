package fr.passerelle.partner;

/** Where a company stands with the network. Any stage may follow any other; each move is recorded. */
public enum PipelineStage {
    PROSPECT, CONTACTED, IN_DISCUSSION, PARTNER, DORMANT,
    /** The company said no; a reason is required. */
    DECLINED;

    public String translationKey() {
        return "partner.stage." + name();
    }
}
