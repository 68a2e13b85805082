package dev.cotangent.bench.workloads;

import dev.cotangent.AD;
import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.Locale;
import java.util.function.Function;

/** J1 of WORKLOADS.md: the full Jacobian of tanh(Ax), x ∈ R^100, by forward mode, reverse mode and AD.jacobian. */
final class J1 {
    private J1() {}

    static void run(int m, StringBuilder report) {
        Tensor x = Tensor.from(Data.uniform(201, 1, 100));
        Tensor a = Tensor.from(Data.uniform(202, 1 / Math.sqrt(100), m, 100));
        Function<Tensor, Tensor> f = v -> Ops.tanh(Ops.matmul(a, v));
        Tensor j = AD.jacobian(f).apply(x);
        double sum = j.sum().item();
        Double want = m == 1 ? Double.valueOf(-0.546134276057617) : m == 10 ? Double.valueOf(-0.912874916925143)
                : m == 10000 ? Double.valueOf(-11.3180728558904) : null;
        if (Math.abs(j.value().get(0, 0) - 0.0705616047106598) > 1e-12 || (want != null && Math.abs(sum - want) > 1e-9 * Math.abs(want))) {
            throw new AssertionError("J1 m=" + m + ": J[0,0]=" + j.value().get(0, 0) + " sum=" + sum);
        }
        Runnable fOnly = Timer.consume(() -> f.apply(x).value().unsafeData()[0]);
        Runnable fwd = Timer.consume(() -> AD.jacfwd(f).apply(x).value().unsafeData()[0]);
        Runnable rev = Timer.consume(() -> AD.jacrev(f).apply(x).value().unsafeData()[0]);
        Function<Tensor, Tensor> jac = AD.jacobian(f); // made once, as a caller would: it remembers the mode
        Runnable auto = Timer.consume(() -> jac.apply(x).value().unsafeData()[0]);
        int reps = m >= 10000 ? 5 : 9;
        Timer.warm(fwd, 1);
        Timer.warm(auto, 1);
        double tf = Timer.median(fOnly, reps);
        // jacobian is paired with the mode it should pick; jacrev at large m allocates gigabytes, so it goes last
        double[] pf = Timer.paired(m <= 100 ? rev : fwd, auto, reps);
        double tau = pf[1];
        double tfw = m <= 100 ? Timer.median(fwd, reps) : pf[0];
        double trv = m <= 100 ? pf[0] : Timer.median(rev, m >= 10000 ? 3 : reps);
        report.append(String.format(Locale.ROOT,
                "J1 m=%d: sum(J)=%.15g; f %.1f us; jacfwd %.3f ms (%.0fx f); jacrev %.3f ms (%.0fx f); jacobian %.3f ms (%.2fx the mode it picks, paired)%n",
                m, sum, tf * 1e6, tfw * 1e3, tfw / tf, trv * 1e3, trv / tf, tau * 1e3, pf[2]));
    }
}
