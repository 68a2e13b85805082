package dev.cotangent.ode;

import dev.cotangent.Tensor;

/** An autonomous system y' = F(y) on a list of tensors (the integrators' view of an ODE and of its adjoint). */
@FunctionalInterface
interface Field {
    /** F(y): one tensor per component of y, each of its component's shape. */
    Tensor[] at(Tensor[] y);
}
