package fr.passerelle.cohort;

import fr.passerelle.cohort.domain.Programme;
import fr.passerelle.cohort.domain.ProgrammeRepository;
import fr.passerelle.cohort.internal.CohortQueries;
import fr.passerelle.cohort.internal.Texts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training programmes. Every staff role reads them; administrators and referents create and change them (a
 * programme is national: it belongs to no DISP). Bad input is refused with a {@link CohortException} naming the
 * draft's field.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class ProgrammeService {

    private final ProgrammeRepository programmes;
    private final CohortQueries queries;

    ProgrammeService(ProgrammeRepository programmes, CohortQueries queries) {
        this.programmes = programmes;
        this.queries = queries;
    }

    /** One page of programmes, by title unless sorted by {@code title}, {@code duration} or {@code candidates}. */
    public List<ProgrammeSummary> programmes(Pageable pageable) {
        return queries.programmes(pageable);
    }

    public long count() {
        return queries.countProgrammes();
    }

    /** Every programme, by title (for a picker: there are a handful). */
    public List<ProgrammeSummary> all() {
        return queries.programmes(Pageable.unpaged(Sort.by("title")));
    }

    public Optional<ProgrammeSummary> get(long id) {
        return queries.programme(id);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public ProgrammeSummary create(ProgrammeDraft draft) {
        var programme = new Programme();
        apply(programme, draft);
        return save(programme);
    }

    /**
     * Changes a programme, unless it changed since {@code expectedVersion} was read. Taking up the one-promotion
     * rule is refused while an establishment has two of its promotions in one year.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public ProgrammeSummary update(long id, long expectedVersion, ProgrammeDraft draft) {
        Programme programme = programmes.findById(id).orElseThrow(() -> new CohortException(null, "cohort.error.programme-unknown"));
        if (programme.getVersion() != expectedVersion) {
            throw new CohortException(null, "cohort.error.changed-meanwhile");
        }
        apply(programme, draft);
        return save(programme);
    }

    private void apply(Programme programme, ProgrammeDraft draft) {
        programme.setTitle(Texts.required(draft.title(), 120, "title"));
        programme.setDescription(Texts.optional(draft.description(), 2000, "description"));
        Texts.range(draft.candidatesPerPromotion(), 1, 100, "candidatesPerPromotion");
        Texts.range(draft.durationWeeks(), 1, 260, "durationWeeks");
        programme.setCandidatesPerPromotion(draft.candidatesPerPromotion());
        programme.setDurationWeeks(draft.durationWeeks());
        programme.setSectors(draft.sectors().stream().sorted().map(Sector::name).toArray(String[]::new));
        programme.setOnePromotionPerYear(draft.onePromotionPerYear());
    }

    private ProgrammeSummary save(Programme programme) {
        try {
            programmes.saveAndFlush(programme);
        } catch (DataIntegrityViolationException e) {
            if (Texts.violates(e, "programme_title_key")) {
                throw new CohortException("title", "cohort.error.programme-title-taken");
            }
            if (Texts.violates(e, "cohort_one_promotion_per_year")) {
                throw new CohortException("onePromotionPerYear", "cohort.error.programme-rule-broken");
            }
            throw e;
        }
        return queries.programme(Objects.requireNonNull(programme.getId())).orElseThrow();
    }
}
