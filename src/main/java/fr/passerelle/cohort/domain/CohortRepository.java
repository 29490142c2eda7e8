package fr.passerelle.cohort.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CohortRepository extends JpaRepository<Cohort, Long> {

    /** The cohort, locked until the transaction ends: enrolments against its capacity wait for each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Cohort c where c.id = :id")
    Optional<Cohort> lockById(long id);
}
