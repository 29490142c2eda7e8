package fr.passerelle.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/** Streams generated rows through one {@code COPY … from stdin} (text format), a megabyte at a time. */
public final class CopyStream {

    /** Appends the COPY text line(s) of the row numbered {@code number}. */
    public interface RowWriter {
        void append(StringBuilder rows, long number);
    }

    private CopyStream() {
    }

    /** Streams the rows numbered {@code from} to {@code to}. Returns how long it took in milliseconds. */
    public static long copyRows(CopyManager copy, String sql, long from, long to, RowWriter writer) throws SQLException {
        long start = System.nanoTime();
        CopyIn in = copy.copyIn(sql);
        try {
            var rows = new StringBuilder(1 << 20);
            for (long number = from; number <= to; number++) {
                writer.append(rows, number);
                if (rows.length() > 1 << 20) {
                    write(in, rows);
                }
            }
            write(in, rows);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void write(CopyIn in, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }
}
