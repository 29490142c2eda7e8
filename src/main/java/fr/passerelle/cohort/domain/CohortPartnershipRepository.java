package fr.passerelle.cohort.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CohortPartnershipRepository extends JpaRepository<CohortPartnership, Long> {

    List<CohortPartnership> findByCohortId(long cohortId);

    List<CohortPartnership> findByCompanyId(long companyId);
}
