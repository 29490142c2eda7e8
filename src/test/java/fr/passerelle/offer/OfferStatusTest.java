package fr.passerelle.offer;

import static fr.passerelle.offer.OfferStatus.CLOSED;
import static fr.passerelle.offer.OfferStatus.EXPIRED;
import static fr.passerelle.offer.OfferStatus.FILLED;
import static fr.passerelle.offer.OfferStatus.OPEN;
import static fr.passerelle.offer.OfferStatus.PENDING_VALIDATION;
import static fr.passerelle.offer.OfferStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OfferStatusTest {

    /** The lifecycle of DOMAIN.md, written out: every pair not listed here is refused. */
    private static final Map<OfferStatus, Set<OfferStatus>> ALLOWED = Map.of(
            PENDING_VALIDATION, EnumSet.of(OPEN, REJECTED),
            OPEN, EnumSet.of(FILLED, CLOSED, EXPIRED),
            FILLED, EnumSet.noneOf(OfferStatus.class),
            CLOSED, EnumSet.noneOf(OfferStatus.class),
            EXPIRED, EnumSet.noneOf(OfferStatus.class),
            REJECTED, EnumSet.noneOf(OfferStatus.class));

    @ParameterizedTest
    @EnumSource(OfferStatus.class)
    void everyPairIsAllowedExactlyWhenTheLifecycleSaysSo(OfferStatus from) {
        for (OfferStatus to : OfferStatus.values()) {
            assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
        }
    }

    @Test
    void aRejectedOfferNeverOpensAgain() {
        assertThat(REJECTED.canBecome(OPEN)).isFalse();
        assertThat(REJECTED.canBecome(PENDING_VALIDATION)).isFalse();
        assertThat(REJECTED.isFinal()).isTrue();
    }

    @Test
    void noStateMovesToItself() {
        for (OfferStatus status : OfferStatus.values()) {
            assertThat(status.canBecome(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void onlyAnOpenOfferIsExtendedAndStaysOpen() {
        assertThat(EnumSet.allOf(OfferStatus.class)).filteredOn(OfferStatus::canBeExtended).containsExactly(OPEN);
    }

    @Test
    void onlyRejectingNeedsAReason() {
        assertThat(EnumSet.allOf(OfferStatus.class)).filteredOn(OfferStatus::needsReason).containsExactly(REJECTED);
    }

    @Test
    void endStatesAreFinal() {
        assertThat(EnumSet.allOf(OfferStatus.class)).filteredOn(OfferStatus::isFinal).containsExactlyInAnyOrder(FILLED, CLOSED, EXPIRED, REJECTED);
    }
}
