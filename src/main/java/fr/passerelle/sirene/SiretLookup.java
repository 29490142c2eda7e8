package fr.passerelle.sirene;

/**
 * What the register answered for one SIRET. Every case has a translation key for its status label
 * ({@link #statusKey()}, in {@code sirene_fr/en.properties}).
 */
public sealed interface SiretLookup {

    /** The key of the short status label a screen shows beside the SIRET ("Établissement actif"…). */
    String statusKey();

    /**
     * What may be shown to the public (the portal): an establishment that is not diffusible becomes
     * {@link NonDiffusible}, with none of its details; every other answer stays as it is.
     */
    default SiretLookup publicView() {
        if (this instanceof Found found && !found.establishment().diffusible()) {
            return new NonDiffusible(found.establishment().siret());
        }
        return this;
    }

    /** The register knows it; see {@link RegisteredEstablishment#diffusible()} before showing it to anyone outside the staff. */
    record Found(RegisteredEstablishment establishment) implements SiretLookup {
        @Override
        public String statusKey() {
            if (!establishment.diffusible()) {
                return establishment.active() ? "sirene.status.active-non-diffusible" : "sirene.status.closed-non-diffusible";
            }
            return establishment.active() ? "sirene.status.active" : "sirene.status.closed";
        }
    }

    /** No establishment has this SIRET in the register (well formed, but unknown). */
    record NotFound(String siret) implements SiretLookup {
        @Override
        public String statusKey() {
            return "sirene.status.not-found";
        }
    }

    /**
     * The establishment exists but is not diffusible: the register gives nothing about it. The staff may
     * see that it is "non diffusible"; the public must not learn even that much beyond the SIRET typed.
     */
    record NonDiffusible(String siret) implements SiretLookup {
        @Override
        public String statusKey() {
            return "sirene.status.non-diffusible";
        }
    }

    /** Not a SIRET (14 digits with valid check digits), so the register was not asked; or the register refused it as such. */
    record InvalidSiret(String input) implements SiretLookup {
        @Override
        public String statusKey() {
            return "sirene.status.invalid";
        }
    }

    /** No answer now: the look-up is off, INSEE asks us to slow down, or it failed or was too slow. Not cached. */
    record Unavailable(Reason reason) implements SiretLookup {
        @Override
        public String statusKey() {
            return switch (reason) {
                case OFF -> "sirene.status.off";
                case RATE_LIMITED -> "sirene.status.rate-limited";
                case TIMEOUT, ERROR -> "sirene.status.unavailable";
            };
        }
    }

    enum Reason {
        /** No API key is configured: nothing is asked. */
        OFF,
        /** INSEE answered 429 (too many requests); nothing is asked again before its Retry-After. */
        RATE_LIMITED,
        /** INSEE did not answer within the read timeout (or the connection could not be made in time). */
        TIMEOUT,
        /** Any other failure: an error status, a refused key, an answer that cannot be read, no network. */
        ERROR
    }
}
