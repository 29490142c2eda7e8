package fr.passerelle.partner.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EngagementRepository extends JpaRepository<Engagement, Long> {

    List<Engagement> findByCompanyIdOrderByStartDateDesc(long companyId);

    long countByCompanyId(long companyId);
}
