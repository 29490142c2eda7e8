package fr.passerelle.partner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the benchmarks print: lines the bin/benchmark-* scripts pick out, and the machine's load. */
public final class BenchmarkOutput {

    private BenchmarkOutput() {
    }

    /** Every line a benchmark prints starts with "bench| " so that its script can show only them. */
    public static void print(String format, Object... arguments) {
        System.out.println("bench| " + String.format(Locale.ROOT, format, arguments));
    }

    /** The one-minute load average, since other work on the machine changes the figures. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
