package fr.passerelle.workshop.domain;

import fr.passerelle.workshop.InterestStatus;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkshopInterestRepository extends JpaRepository<WorkshopInterest, Long> {

    boolean existsBySpaceIdAndStatus(long spaceId, InterestStatus status);
}
