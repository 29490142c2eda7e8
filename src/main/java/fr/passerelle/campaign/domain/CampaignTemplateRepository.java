package fr.passerelle.campaign.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignTemplateRepository extends JpaRepository<CampaignTemplate, Long> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);
}
