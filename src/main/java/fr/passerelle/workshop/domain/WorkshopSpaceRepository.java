package fr.passerelle.workshop.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkshopSpaceRepository extends JpaRepository<WorkshopSpace, Long> {
}
