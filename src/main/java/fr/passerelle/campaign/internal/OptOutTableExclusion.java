package fr.passerelle.campaign.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The opt-out module's table {@code mail_opt_out} (one row per lower-case {@code address}), read only. Until that
 * table exists (the module lands separately) nobody is opted out; once it is seen it is assumed to stay.
 */
@Component
class OptOutTableExclusion implements OptOutExclusion {

    static final String TABLE = "mail_opt_out";

    private final JdbcClient jdbc;
    private volatile boolean tableSeen;

    OptOutTableExclusion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String optedOut(String addressExpression) {
        if (!tableSeen) {
            tableSeen = jdbc.sql("select to_regclass(:table) is not null").param("table", TABLE).query(Boolean.class).single();
            if (!tableSeen) {
                return "false";
            }
        }
        return "exists (select 1 from " + TABLE + " o where o.address_key = " + addressExpression + ")";
    }
}
