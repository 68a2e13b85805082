package dev.cotangent.tensor;

/**
 * Thrown when an array would have more elements than a Java array can hold (2³¹−1), or more bytes than the
 * configured limit ({@link #setLimitBytes}), before anything is allocated. The engine adds the operation and
 * its operands' shapes to the message.
 */
public final class TooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static volatile long limitBytes = Runtime.getRuntime().maxMemory();

    public TooLargeException(String message) {
        super(message);
    }

    /** The largest array, in bytes, that may be allocated (by default the JVM's maximum heap, -Xmx). */
    public static long limitBytes() {
        return limitBytes;
    }

    /** Sets the largest array, in bytes, that may be allocated; larger ones throw this exception first. */
    public static void setLimitBytes(long bytes) {
        if (bytes < 8) throw new IllegalArgumentException("array size limit: " + bytes + " bytes; give 8 or more");
        limitBytes = bytes;
    }

    /** A new array of {@code n} doubles, after checking it fits the limit. */
    public static double[] doubles(int n) {
        long bytes = 8L * n;
        if (bytes > limitBytes) {
            throw new TooLargeException("an array of " + n + " doubles needs " + size(bytes) + ", more than the limit "
                    + "of " + size(limitBytes) + " (the JVM's maximum heap unless set by Config.setMaxArrayBytes; "
                    + "raise -Xmx, or compute in smaller pieces)");
        }
        return new double[n];
    }

    /** Bytes as a reader would write them: 1.6 MB, 32 GB (decimal units). */
    static String size(long bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.3g %s", v, units[u]);
    }
}
