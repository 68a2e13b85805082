import dev.cotangent.gradbench.*;
import java.nio.file.*;
import java.lang.management.*;
import com.fasterxml.jackson.databind.*;

/**
 * In-process timing of one eval function on the public workloads, outside the protocol: CPU time of the calling
 * thread per run (minimum and mean), the minimum wall time, and the collector's time. For profiling, e.g. with
 * -XX:StartFlightRecording. Run from the repository root after building the CLI jar:
 *
 * <pre>
 * OPENBLAS_NUM_THREADS=1 java -XX:+UseParallelGC -cp cotangent-cli/target/cotangent.jar \
 *     cotangent-gradbench/bench/InProcess.java ba jacobian 5 [CASE-INDEX]
 * </pre>
 */
public class InProcess {
    public static void main(String[] a) throws Exception {
        String eval = a[0]; String fn = a[1]; double secs = Double.parseDouble(a[2]);
        int caseIdx = a.length > 3 ? Integer.parseInt(a[3]) : -1;
        ObjectMapper m = new ObjectMapper();
        JsonNode data = m.readTree(Path.of(System.getProperty("gradbench.data", "../shared/data/gradbench"), eval + ".json").toFile());
        Eval ev = Evals.all().stream().filter(e -> e.name().equals(eval)).findFirst().get();
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        Evals.warmUp();
        int i = 0;
        for (JsonNode c : data.get("cases")) {
            if (!c.get("function").asText().equals(fn)) continue;
            if (caseIdx >= 0 && i++ != caseIdx) continue;
            Eval.Prepared<?> p = ev.prepare(fn, In.of(c.get("input"), "input"));
            long start = System.nanoTime(); int runs = 0;
            long minCpu = Long.MAX_VALUE, minWall = Long.MAX_VALUE, sumCpu = 0;
            long gc0 = gcTime();
            while (System.nanoTime() - start < secs * 1e9 || runs < 3) {
                long c0 = tb.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                p.run();
                long cpu = tb.getCurrentThreadCpuTime() - c0, wall = System.nanoTime() - w0;
                runs++; sumCpu += cpu; minCpu = Math.min(minCpu, cpu); minWall = Math.min(minWall, wall);
            }
            System.out.printf("%-8s %-10s %-24s runs %6d  cpu mean %9.3f ms  cpu min %9.3f ms  wall min %9.3f ms  gc %.0f ms%n", eval, fn, c.get("description").asText(), runs, sumCpu / 1e6 / runs, minCpu / 1e6, minWall / 1e6, (gcTime() - gc0) / 1.0);
        }
    }
    static long gcTime() { long t = 0; for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) t += g.getCollectionTime(); return t; }
}
