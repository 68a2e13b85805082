package dev.cotangent.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The thread rule for OpenBLAS calls, and the reading of other processes' CPU use it is based on. */
class BlasThreadsTest {

    @Test
    void smallCallsUseOneThreadAndLargeOnesTheMaximum() {
        long from = 1L << 24;
        assertEquals(1, BlasThreads.choose(2, from - 1, from, 0, 2), "below the threshold");
        assertEquals(2, BlasThreads.choose(2, from, from, 0, 2), "at the threshold, machine idle");
        assertEquals(1, BlasThreads.choose(1, Long.MAX_VALUE, 0, 0, 8), "a maximum of 1 wins");
        assertEquals(4, BlasThreads.choose(4, from, from, 0.4, 8), "the maximum, when enough cores are free");
    }

    @Test
    void busyCoresOfOtherProcessesLowerTheThreads() {
        long from = 1L << 24;
        assertEquals(1, BlasThreads.choose(2, from, from, 1.0, 2), "the second core busy: 1 thread");
        assertEquals(2, BlasThreads.choose(2, from, from, 0.4, 2), "less than half a core busy: still 2");
        assertEquals(1, BlasThreads.choose(2, from, from, 0.6, 2), "more than half a core busy: 1");
        assertEquals(3, BlasThreads.choose(8, from, from, 5.0, 8), "8 cores, 5 busy elsewhere: 3");
        assertEquals(1, BlasThreads.choose(8, from, from, 12.0, 8), "overloaded machine: never fewer than 1");
    }

    @Test
    void procStatLinesParseToTotalBusyAndOwnTime() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        String stat = "cpu  100 5 20 800 30 1 2 3 50 0";
        // pid (comm with ) and spaces) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        String self = "42 (java (x) y) S 1 42 42 0 -1 4194560 10 0 0 0 70 9 0 0 20 0";
        long[] r = CpuLoad.read(stat, self);
        assertArrayEquals(new long[] {961, 961 - 830, 79}, r);
    }

    @Test
    void otherProcessesCoresAreBusyTimeMinusOursOverTotal() {
        // 2 CPUs, 200 jiffies elapsed in all: 150 busy, 60 of them ours -> 90 / 200 * 2 = 0.9 cores
        assertEquals(0.9, CpuLoad.otherCores(new long[] {1000, 300, 40}, new long[] {1200, 450, 100}, 2), 1e-12);
        assertEquals(0.0, CpuLoad.otherCores(new long[] {1000, 300, 40}, new long[] {1200, 350, 100}, 2), 0.0,
                "our own threads' time is never counted as the others'");
        assertEquals(0.0, CpuLoad.otherCores(new long[] {1000, 300, 40}, new long[] {1000, 300, 40}, 2), 0.0,
                "no time elapsed: no load");
    }

    @Test
    void aBusyProcessIsSeenAsLoad() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "Linux only");
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            CpuLoad.otherCores();
            Thread.sleep(300);
            double seen = CpuLoad.otherCores();
            assertTrue(seen >= 0.5, "a busy loop in another process: " + seen + " cores seen busy elsewhere");
        } finally {
            busy.destroy();
            busy.waitFor();
        }
    }
}
