package dev.cotangent.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many cores other processes keep busy, read from Linux's {@code /proc/stat} (all CPUs' busy time) minus
 * {@code /proc/self/stat} (this process's, every thread included), over the time since the previous reading. A
 * reading is taken at most every {@value #REFRESH_MILLIS} ms; between readings the last answer stands. Where the
 * files do not exist (not Linux) the answer is always 0: no load seen.
 */
final class CpuLoad {
    static final long REFRESH_MILLIS = 50;
    private static final Path STAT = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");
    private static final boolean AVAILABLE = Files.isReadable(STAT) && Files.isReadable(SELF);
    private static final int CPUS = Runtime.getRuntime().availableProcessors();
    /** The CPUs that /proc/stat's first line sums over: the machine's, which may be more than this JVM may use. */
    private static final int MACHINE_CPUS = AVAILABLE ? machineCpus() : CPUS;

    private static long lastNanos;
    private static long[] last;
    private static double others;

    private CpuLoad() {}

    /** The number of processors this JVM may use. */
    static int cpus() {
        return CPUS;
    }

    /** Cores' worth of CPU time other processes used since the previous reading (0 before the first one). */
    static synchronized double otherCores() {
        if (!AVAILABLE) return 0;
        long now = System.nanoTime();
        if (last != null && now - lastNanos < REFRESH_MILLIS * 1_000_000) return others;
        long[] r;
        try {
            r = read(firstLine(STAT), firstLine(SELF));
        } catch (IOException | RuntimeException e) {
            return others; // an unreadable or unexpected line: keep the last answer
        }
        if (last != null) others = otherCores(last, r, MACHINE_CPUS);
        last = r;
        lastNanos = now;
        return others;
    }

    /**
     * Cores used by other processes between two readings {@code {total, busy, self}} (jiffies summed over
     * {@code cpus} CPUs): (Δbusy − Δself) / Δtotal · cpus, at least 0.
     */
    static double otherCores(long[] before, long[] after, int cpus) {
        long total = after[0] - before[0];
        if (total <= 0) return 0;
        long busy = (after[1] - before[1]) - (after[2] - before[2]);
        return Math.max(0, (double) busy / total * cpus);
    }

    /**
     * Parses the first line of {@code /proc/stat} ({@code cpu user nice system idle iowait irq softirq steal ...})
     * and this process's {@code /proc/self/stat} (utime and stime are fields 14 and 15, counted after the command
     * name in parentheses) into {@code {total, busy, self}} in jiffies.
     */
    static long[] read(String stat, String self) {
        String[] f = stat.trim().split("\\s+");
        if (!f[0].equals("cpu")) throw new IllegalArgumentException("/proc/stat does not start with 'cpu': " + stat);
        long total = 0;
        for (int i = 1; i <= 8 && i < f.length; i++) total += Long.parseLong(f[i]); // guest time is inside user
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        String[] s = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
        long mine = Long.parseLong(s[11]) + Long.parseLong(s[12]);
        return new long[] {total, total - idle, mine};
    }

    private static int machineCpus() {
        try (java.util.stream.Stream<String> lines = Files.lines(STAT)) {
            return (int) Math.max(1, lines.filter(l -> l.length() > 3 && l.startsWith("cpu")
                    && Character.isDigit(l.charAt(3))).count());
        } catch (IOException | RuntimeException e) {
            return CPUS;
        }
    }

    private static String firstLine(Path p) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(p)) {
            String line = r.readLine();
            if (line == null) throw new IOException(p + " is empty");
            return line;
        }
    }
}
