package dev.cotangent.testsupport;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One line per module at the end of its tests ({@code cotangent-core: 812 tests, 812 passed, 0 failed, 0 skipped in
 * 51.2 s}), so that {@code mvn -q verify}, where Maven hides Surefire's totals, still says what ran; and quiet logs
 * while tests run: jqwik's notes that a property has more edge cases than tries and core's anomaly-mode warnings
 * about documented conventions (which tests provoke on purpose) are informational. Failures are unaffected: Surefire
 * reports them in full. Shared by every module's tests through the parent pom (profile {@code test-summary}).
 */
public final class TestSummary implements TestExecutionListener {
    /** Strong references: a logger's level is lost if the logger is garbage-collected. */
    private static final Logger[] QUIETED = {Logger.getLogger("net.jqwik"), Logger.getLogger("dev.cotangent")};

    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private long start;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        for (Logger l : QUIETED) l.setLevel(Level.SEVERE);
        start = System.nanoTime();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) skipped.incrementAndGet();
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) failed.incrementAndGet(); // a class that failed to start
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed.incrementAndGet();
            case ABORTED -> skipped.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        int total = passed.get() + failed.get() + skipped.get();
        if (total == 0) return;
        String module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getFileName().toString();
        System.out.printf("%s: %d passed, %d failed, %d skipped in %.1f s%n", module, passed.get(), failed.get(),
                skipped.get(), (System.nanoTime() - start) / 1e9);
    }
}
