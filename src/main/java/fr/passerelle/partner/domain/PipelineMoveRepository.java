package fr.passerelle.partner.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PipelineMoveRepository extends JpaRepository<PipelineMove, Long> {

    List<PipelineMove> findByCompanyIdOrderByMovedAtDescIdDesc(long companyId);
}
