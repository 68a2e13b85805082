package dev.cotangent.ot;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;

/**
 * The log-domain Sinkhorn map in scaled potentials φ = f/ε, γ = g/ε, with M = −C/ε (and its transpose, kept so
 * that both half-steps reduce along rows):
 * <pre>
 *   γ ← log b − logsumexp_i(M_ij + φ_i)        (columns: Pᵀ1 = b)
 *   φ ← log a − logsumexp_j(M_ij + γ_j)        (rows:    P1  = a)
 *   P_ij = exp(φ_i + γ_j + M_ij)
 * </pre>
 * No exponential of a potential is ever formed, so nothing overflows however small ε is. Every step is written
 * with ops: run under reverse mode, the iterations are recorded (the UNROLLED gradient).
 *
 * @param logA log a, [n]
 * @param logB log b, [m]
 * @param m    −C/ε, [n, m]
 * @param mT   −Cᵀ/ε, [m, n]
 */
record LogDomain(Tensor logA, Tensor logB, Tensor m, Tensor mT) {

    static LogDomain of(Tensor a, Tensor b, Tensor c, double epsilon) {
        Tensor m = c.mul(-1 / epsilon);
        return new LogDomain(a.log(), b.log(), m, Ops.transpose(m));
    }

    /** The column update γ(φ). */
    Tensor columns(Tensor phi) {
        return logB.sub(Ops.logsumexp(mT.add(phi), false, 1));
    }

    /** The row update φ(γ). */
    Tensor rows(Tensor gamma) {
        return logA.sub(Ops.logsumexp(m.add(gamma), false, 1));
    }

    /** P = exp(φ_i + γ_j + M_ij). */
    Tensor plan(Tensor phi, Tensor gamma) {
        return m.add(Ops.reshape(phi, phi.size(), 1)).add(gamma).exp();
    }

    /**
     * The relative marginal error of (φ, γ) when φ = rows(γ) (rows exact) and γ' = columns(φ): the column sums of P
     * are b ⊙ exp(γ − γ'), so the error ‖Pᵀ1 − b‖₁ / ‖b‖₁ comes from the next update at no extra cost.
     */
    static double columnError(double[] b, double[] gamma, double[] next) {
        double err = 0;
        double total = 0;
        for (int j = 0; j < b.length; j++) {
            err += b[j] * Math.abs(Math.expm1(gamma[j] - next[j]));
            total += b[j];
        }
        return err / total;
    }
}
