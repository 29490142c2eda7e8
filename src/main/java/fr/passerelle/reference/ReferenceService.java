package fr.passerelle.reference;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the published reference data: DISP, establishments, departments, NAF, ROME. */
@Service
@Transactional(readOnly = true)
public class ReferenceService {

    private final JdbcClient jdbc;

    ReferenceService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active DISP, by code. */
    public List<DispSummary> disps() {
        return jdbc.sql("select code, name from disp where active order by code").query(DispSummary.class).list();
    }
}
