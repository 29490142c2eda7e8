package fr.passerelle.cohort.domain;

import fr.passerelle.cohort.ParticipantState;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ParticipantRepository extends JpaRepository<Participant, Long> {

    long countByCohortIdAndStateIn(long cohortId, Collection<ParticipantState> states);

    boolean existsByCohortIdAndCode(long cohortId, String code);

    @Query("select p from Participant p where p.releaseCompanyId = :companyId or p.sixMonthCompanyId = :companyId")
    List<Participant> findByCompany(long companyId);

    @Query("select count(p) > 0 from Participant p where p.cohortId = :cohortId and (p.releaseOfferId = :offerId or p.sixMonthOfferId = :offerId)")
    boolean hiredThrough(long cohortId, long offerId);
}
