package dev.cotangent.graph;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * SVG pictures of graphs, drawn by Graphviz's {@code dot} program when it is on the PATH
 * ({@code apt-get install graphviz}). Without it, {@link #render} throws with a message that says so.
 */
public final class Svg {
    private static final long TIMEOUT_SECONDS = 60;

    private Svg() {}

    /** Whether an executable {@code dot} is on the PATH. */
    public static boolean dotAvailable() {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            File f = new File(dir, "dot");
            if (f.isFile() && f.canExecute()) return true;
        }
        return false;
    }

    /** The SVG drawing of {@code dotSource}, made by {@code dot -Tsvg}. */
    public static String render(String dotSource) throws IOException {
        if (!dotAvailable()) {
            throw new IOException("Graphviz's dot program is not on the PATH, so no SVG can be drawn; install it "
                    + "(apt-get install graphviz) or write the DOT source instead and draw it elsewhere");
        }
        Process p = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(false).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drainErr = drain(p.getErrorStream(), err);
        Thread drainOut = drain(p.getInputStream(), out);
        try (OutputStream in = p.getOutputStream()) {
            in.write(dotSource.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("dot -Tsvg did not finish within " + TIMEOUT_SECONDS + " s");
            }
            drainOut.join();
            drainErr.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while waiting for dot", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("dot -Tsvg failed (exit " + p.exitValue() + "): "
                    + err.toString(StandardCharsets.UTF_8).trim());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(to);
            } catch (IOException ignored) {
                // the exit status reports the failure
            }
        }, "dot-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
