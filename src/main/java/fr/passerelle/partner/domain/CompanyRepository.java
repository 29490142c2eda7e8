package fr.passerelle.partner.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CompanyRepository extends JpaRepository<Company, Long> {

    Optional<Company> findBySiret(String siret);

    boolean existsBySiret(String siret);
}
