package dev.cotangent.primitive.linalg;

import dev.cotangent.kernel.ArrayCaches;
import dev.cotangent.kernel.Lapack;
import dev.cotangent.kernel.LuFactors;
import dev.cotangent.tensor.NDArray;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The LU factorizations of the last few matrices factored, so that the rules of solve, inv, det and logAbsDet
 * reuse the factorization their forward computation made instead of repeating it: solve's VJP solves the
 * transposed system Aᵀ b̄ = x̄ with the LU of A it already has, its JVP solves with A again, and det, logAbsDet
 * and their signs are read off the same factors.
 *
 * <p>Why a cache is sound here: an {@link NDArray} is immutable and its backing array is never modified, so the
 * factors of an array stay right for as long as the array lives. Entries are keyed by the identity of the backing
 * array (weakly: an entry goes when its array is collected, and its off-heap factors with it), checked against the
 * matrix order and count (a reshape shares the array), and only the last {@value #CAPACITY} factorizations are kept,
 * so the cache holds at most that many, each the size of the operand it factors. An owner that overwrites an array in
 * place on purpose tells the cache through {@link ArrayCaches#overwritten}.
 */
final class LuCache {
    static final int CAPACITY = 16;
    private static final Map<double[], LuFactors> CACHE = new WeakHashMap<>();
    private static final ArrayDeque<WeakReference<double[]>> ORDER = new ArrayDeque<>();
    private static final AtomicLong FACTORIZATIONS = new AtomicLong();

    static {
        ArrayCaches.register(LuCache::forget);
    }

    private LuCache() {}

    /** Drops the factors of {@code a}, which its owner is about to overwrite ({@link ArrayCaches#overwritten}). */
    static void forget(double[] a) {
        synchronized (CACHE) {
            CACHE.remove(a);
        }
    }

    /** The LU factors of every matrix of {@code a} ({@code [..., n, n]}, checked by the caller's shape rule). */
    static LuFactors of(NDArray a) {
        double[] key = a.unsafeData();
        int n = a.dims().dim(-1);
        int count = LuShapes.count(a.dims());
        synchronized (CACHE) {
            LuFactors f = CACHE.get(key);
            if (f != null && f.n() == n && f.count() == count) return f;
        }
        LuFactors f = Lapack.getrf(key, n, count);
        FACTORIZATIONS.incrementAndGet();
        synchronized (CACHE) {
            if (CACHE.put(key, f) == null) ORDER.add(new WeakReference<>(key));
            while (ORDER.size() > CAPACITY) {
                double[] old = ORDER.poll().get();
                if (old != null) CACHE.remove(old);
            }
        }
        return f;
    }

    /** Throws, naming {@code op}, the shape and the zero pivot, if a matrix of {@code a} is singular. */
    static LuFactors nonsingular(String op, NDArray a) {
        LuFactors f = of(a);
        for (int t = 0; t < f.count(); t++) {
            int z = f.zeroPivot(t);
            if (z >= 0) {
                throw new ArithmeticException(op + ": a of shape " + a.dims() + " is singular"
                        + LuShapes.at(LuShapes.batch(a.dims()), t) + ": its LU factorization (partial pivoting) has "
                        + "an exact zero pivot U[" + z + "," + z + "] (pivot index " + z + ")");
            }
        }
        return f;
    }

    /** The number of factorizations made so far (cache misses), for tests. */
    static long factorizations() {
        return FACTORIZATIONS.get();
    }

    /** Whether the factors of {@code a} are cached (for tests). */
    static boolean contains(NDArray a) {
        synchronized (CACHE) {
            LuFactors f = CACHE.get(a.unsafeData());
            return f != null && f.count() == LuShapes.count(a.dims()) && f.n() == a.dims().dim(-1);
        }
    }
}
