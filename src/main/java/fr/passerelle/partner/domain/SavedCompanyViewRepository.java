package fr.passerelle.partner.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SavedCompanyViewRepository extends JpaRepository<SavedCompanyView, Long> {

    List<SavedCompanyView> findByOwnerIdOrderByNameAsc(long ownerId);

    Optional<SavedCompanyView> findByOwnerIdAndNameIgnoreCase(long ownerId, String name);
}
