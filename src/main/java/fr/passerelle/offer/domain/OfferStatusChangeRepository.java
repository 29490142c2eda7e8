package fr.passerelle.offer.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfferStatusChangeRepository extends JpaRepository<OfferStatusChangeRecord, Long> {

    List<OfferStatusChangeRecord> findByOfferIdOrderByChangedAtDescIdDesc(long offerId);
}
