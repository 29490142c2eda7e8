package fr.passerelle.security.domain;

import fr.passerelle.base.Role;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.jspecify.annotations.Nullable;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    long countByRoleAndEnabledTrue(Role role);

    @Query("""
            select u from AppUser u
            where (:search = '' or lower(u.username) like concat('%', :search, '%')
                   or lower(u.displayName) like concat('%', :search, '%'))
              and (:role is null or u.role = :role)
            """)
    Page<AppUser> search(String search, @Nullable Role role, Pageable pageable);
}
