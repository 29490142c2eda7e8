package fr.passerelle.campaign.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignSegmentRepository extends JpaRepository<CampaignSegment, Long> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);
}
