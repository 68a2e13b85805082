/**
 * Gradient checking, public so that users who write a function or a derivative rule can test it:
 * {@link dev.cotangent.check.GradCheck} compares forward mode with finite differences, reverse mode with forward
 * mode by the dot-product test ⟨u, J v⟩ = ⟨Jᵀu, v⟩, and second derivatives both ways; each check returns a
 * {@link dev.cotangent.check.CheckResult} held to a {@link dev.cotangent.check.Tolerance}.
 * {@link dev.cotangent.check.FiniteDifferences} is the reference (values only, no rule involved), and
 * {@link dev.cotangent.check.Packing} turns several arguments into one vector. A newcomer starts with
 * {@code GradCheck}. The exhaustive rule test runs every case of {@code dev.cotangent.primitive.Registry}
 * through these checks.
 *
 * <p>Layer: beside the top of core: it may use everything below the facades, and {@code AD}; nothing in core's
 * main code uses it. Exported: libraries and applications may use it.
 */
package dev.cotangent.check;
