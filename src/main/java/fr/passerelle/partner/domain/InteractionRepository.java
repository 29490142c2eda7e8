package fr.passerelle.partner.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InteractionRepository extends JpaRepository<Interaction, Long> {

    List<Interaction> findByCompanyIdOrderByOccurredAtDesc(long companyId);

    /** Interactions outlive a deleted contact: they only lose the link to it. */
    @Modifying
    @Query("update Interaction i set i.contactId = null where i.contactId = :contactId")
    int unlinkContact(long contactId);
}
