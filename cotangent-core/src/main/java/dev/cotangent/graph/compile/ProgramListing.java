package dev.cotangent.graph.compile;

import dev.cotangent.tensor.Shape;
import java.util.List;
import java.util.Locale;

/** The text of a compiled {@link Program}: which nodes fused into which loop, the calls, the buffer plan. */
final class ProgramListing {
    /** Longest list of fused operations printed per loop; the rest are counted. */
    private static final int SHOWN = 12;

    private ProgramListing() {}

    static String of(Program p, BufferPlan plan, Shape[] shapes) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "compiled: %d nodes -> %d loops + %d calls; %d buffers planned (%,d "
                + "bytes, kept per thread); about %,d bytes allocated per call; compiled in %.2f ms%n",
                p.graph().opCount(), p.kernels(), p.calls(), plan.sizes.length, plan.bytes(), p.bytesPerCall(),
                p.compileNanos() / 1e6));
        int index = 0;
        for (Step s : p.steps()) {
            if (s instanceof Kernel k) {
                sb.append(String.format(Locale.ROOT, "  loop %d %s, %d ops, %d registers%s: reads", index, k.shape,
                        k.ops(), k.registers, k.size == 1 ? " (scalar straight-line)" : ""));
                for (int i = 0; i < k.inputIds.length; i++) {
                    sb.append(" v").append(k.inputIds[i]);
                    if (k.access[i].strides() != null) {
                        sb.append(" (").append(k.access[i].kind()).append(" of ").append(k.inputShapes[i]).append(')');
                    }
                }
                sb.append("\n    fuses");
                for (int j = 0; j < Math.min(SHOWN, k.ops()); j++) {
                    sb.append(" v").append(k.nodeIds[j]).append('=').append(k.opNames[j]);
                }
                if (k.ops() > SHOWN) sb.append(" … (").append(k.ops() - SHOWN).append(" more)");
                sb.append("\n    writes");
                for (int id : k.storeIds) {
                    Integer b = plan.bufferOf.get(id);
                    sb.append(" v").append(id).append(b == null ? " (fresh)" : " (buffer " + b + ")");
                }
                for (int id : k.sumIds) sb.append(" v").append(id).append("=sum");
                sb.append('\n');
            } else {
                Call c = (Call) s;
                sb.append("  call ").append(index).append(": ");
                for (int id : c.writes()) sb.append('v').append(id).append(' ');
                sb.append("= ").append(c.node().primitive().name()).append('(');
                List<Integer> ps = c.reads();
                for (int i = 0; i < ps.size(); i++) sb.append(i == 0 ? "v" : ", v").append(ps.get(i));
                sb.append(") ").append(shapes[c.node().id()]).append('\n');
            }
            index++;
        }
        for (int b = 0; b < plan.sizes.length; b++) {
            sb.append("  buffer ").append(b).append(": ").append(plan.sizes[b]).append(" doubles, holds");
            for (int id : plan.holds.get(b)) sb.append(" v").append(id);
            sb.append('\n');
        }
        sb.append("  outputs:");
        for (int id : p.graph().outputs()) sb.append(" v").append(id);
        return sb.append('\n').toString();
    }
}
