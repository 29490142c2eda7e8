package fr.passerelle.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one cohort, with the names of what its ids mean.
 *
 * @param editable            whether the signed-in person may change it (an administrator, or a referent of its DISP)
 * @param participantsVisible whether the signed-in person may read its participants (the same people)
 */
public record CohortDetails(long id, @Nullable Long programmeId, @Nullable String programmeTitle, String title, Sector sector,
                            List<Trade> trades, long establishmentId, String establishmentName, String dispCode,
                            @Nullable String regionCode, @Nullable String regionName, List<Partner> partners,
                            LocalDate plannedStart, @Nullable LocalDate plannedEnd, @Nullable LocalDate actualStart,
                            @Nullable LocalDate actualEnd, @Nullable Integer hours, @Nullable String certification, int capacity,
                            long enrolled, long referentId, String referentName, CohortState state, @Nullable String cancelReason,
                            Instant createdAt, Instant updatedAt, long version, boolean editable, boolean participantsVisible) {

    public CohortDetails {
        trades = List.copyOf(trades);
        partners = List.copyOf(partners);
    }

    /** A ROME trade of the cohort. */
    public record Trade(String code, String label) {
    }

    /** A partner organisation in its role. */
    public record Partner(long companyId, String companyName, PartnerRole role) {
    }

    public CohortDraft toDraft() {
        return new CohortDraft(programmeId, title, sector, trades.stream().map(Trade::code).collect(Collectors.toSet()), establishmentId,
                partners.stream().map(p -> new PartnerLink(p.companyId(), p.role())).toList(), plannedStart, plannedEnd, actualStart,
                actualEnd, hours, certification, capacity, referentId);
    }
}
