package fr.passerelle.partner.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactRepository extends JpaRepository<Contact, Long> {

    List<Contact> findByCompanyIdOrderByPrimaryDescLastNameAsc(long companyId);

    long countByCompanyId(long companyId);
}
