package dev.cotangent.primitive;

/**
 * Trait of an elementwise primitive of one or two operands whose value and partial derivatives at 0-d operands
 * are closed forms on doubles: what reverse mode's compact scalar tape records in place of a call's operands
 * (the partials ∂y/∂a and ∂y/∂b as two numbers, so the backward sweep is x̄ += ∂y/∂x · ȳ on doubles).
 *
 * <p>Contract, checked for every implementation by {@code ScalarRuleTest}: {@link #value} is the number the array
 * implementation gives at one element, bit for bit, and {@code ȳ · partial(i, …)} is the number the VJP rule
 * gives for operand i, bit for bit, at the documented conventions (relu'(0) = 0, abs'(0) = 0, sqrt'(0) = +∞)
 * included. A primitive without this trait is recorded by the general tape, with the same results.
 */
public interface ScalarRule extends Elementwise {

    /** y = f(a, b) at 0-d operands ({@code b} is ignored by a function of one operand). */
    double value(double a, double b);

    /**
     * ∂f/∂a ({@code operand} 0) or ∂f/∂b ({@code operand} 1) at (a, b), given y = f(a, b); {@code b} is ignored
     * by a function of one operand.
     */
    double partial(int operand, double a, double b, double y);
}
