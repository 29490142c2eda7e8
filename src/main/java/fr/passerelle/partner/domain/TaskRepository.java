package fr.passerelle.partner.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskRepository extends JpaRepository<Task, Long> {

    List<Task> findByCompanyIdOrderByDoneAscDueDateAsc(long companyId);

    long countByAssigneeIdAndDoneFalse(long assigneeId);
}
