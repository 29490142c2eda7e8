package fr.passerelle.benchmark;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** What the list benchmarks ask of the database and of security around their measures. */
public final class BenchmarkDatabase {

    private BenchmarkDatabase() {
    }

    /** Signs the benchmark's thread in as that account, as the screens' services expect. */
    public static void signIn(UserDetailsService users, String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** A size in bytes (e.g. {@code pg_table_size('offer')}) as PostgreSQL writes it: "828 MB". */
    public static String size(JdbcClient jdbc, String expression) {
        return jdbc.sql("select pg_size_pretty(" + expression + ")").query(String.class).single();
    }

    public static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
