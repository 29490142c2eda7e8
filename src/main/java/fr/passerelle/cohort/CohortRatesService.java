package fr.passerelle.cohort;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.cohort.internal.CohortAccess;
import fr.passerelle.cohort.internal.RatesQueries;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of cohorts and programmes: fill, completion, certification, placement at release and six months, each
 * with its counts (see {@link CohortRates} for what each rate counts). Every staff role measures impact, but rates are
 * counts of people: whoever may not see a cohort's participants (communication teams, referents of another DISP)
 * gets them with every group of one or two people withheld (decision record 019). One statement per call.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class CohortRatesService {

    private final RatesQueries queries;
    private final CohortAccess access;

    CohortRatesService(RatesQueries queries, CohortAccess access) {
        this.queries = queries;
        this.access = access;
    }

    public Optional<CohortRates> cohort(long cohortId) {
        return queries.cohort(cohortId, DisplayFormats.today()).map(this::scoped);
    }

    /** A programme's totals over its cohorts that are not cancelled; full counts only for who may see all their participants. */
    public ProgrammeRates programme(long programmeId) {
        SignedInUser user = access.user();
        String disp = java.util.Objects.requireNonNullElse(user.dispCode(), "");
        RatesQueries.Totals totals = queries.programme(programmeId, disp, DisplayFormats.today());
        boolean insider = user.role() == Role.ADMIN || user.role() == Role.REFERENT && totals.oneDisp();
        return new ProgrammeRates(totals.cohorts(), insider ? totals.rates() : totals.rates().forOutsiders());
    }

    /** One page of a programme's cohorts with their rates, latest planned start first unless sorted by {@code title}, {@code establishment}, {@code disp}, {@code start} or {@code state}. */
    public List<CohortRatesRow> programmeCohorts(long programmeId, Pageable pageable) {
        return queries.programmeCohorts(programmeId, pageable, DisplayFormats.today()).stream()
                .map(row -> {
                    CohortRatesRow r = row.value();
                    return access.canSeeParticipants(row.dispCode()) ? r
                            : new CohortRatesRow(r.cohortId(), r.title(), r.establishmentName(), r.dispCode(), r.state(), r.rates().forOutsiders());
                })
                .toList();
    }

    private CohortRates scoped(RatesQueries.Scoped<CohortRates> rates) {
        return access.canSeeParticipants(rates.dispCode()) ? rates.value() : rates.value().forOutsiders();
    }
}
