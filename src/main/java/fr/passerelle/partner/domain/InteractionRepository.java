package fr.passerelle.partner.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InteractionRepository extends JpaRepository<Interaction, Long> {

    List<Interaction> findByCompanyIdOrderByOccurredAtDesc(long companyId);
}
