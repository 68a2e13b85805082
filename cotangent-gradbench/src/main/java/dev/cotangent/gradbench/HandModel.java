package dev.cotangent.gradbench;

import dev.cotangent.Ops;
import dev.cotangent.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand of the ht eval: a skeleton of bones posed by Euler angles, and the skinned positions of the vertices
 * that the residuals use. Every step is batched over the bones (22 rotations and matrix products at once); the
 * chain of absolute transforms is batched over the bones of one depth of the skeleton (5 levels for the hand).
 */
final class HandModel {
    final int bones;
    final int[] parents;
    final Tensor baseRelatives;          // [bones, 4, 4]
    final Tensor inverseBaseAbsolutes;   // [bones, 4, 4]
    final boolean mirrored;
    /** The bones of each depth, and for each the position of its parent within the previous depth. */
    final List<int[]> levels = new ArrayList<>();
    final List<int[]> parentPositions = new ArrayList<>();
    /** The position of bone b in the concatenation of the levels. */
    final int[] levelOrder;

    HandModel(int[] parents, double[] baseRelatives, double[] inverseBaseAbsolutes, boolean mirrored, In where) {
        this.bones = parents.length;
        this.parents = parents;
        this.baseRelatives = Tensor.of(new int[] {bones, 4, 4}, baseRelatives);
        this.inverseBaseAbsolutes = Tensor.of(new int[] {bones, 4, 4}, inverseBaseAbsolutes);
        this.mirrored = mirrored;
        int[] depth = new int[bones];
        int maxDepth = 0;
        for (int b = 0; b < bones; b++) {
            int p = parents[b];
            if (p >= b || p < -1) throw where.at(b).bad("a parent must precede its bone (or be -1), got " + p);
            depth[b] = p < 0 ? 0 : depth[p] + 1;
            maxDepth = Math.max(maxDepth, depth[b]);
        }
        int[] posInLevel = new int[bones];
        levelOrder = new int[bones];
        int at = 0;
        for (int d = 0; d <= maxDepth; d++) {
            List<Integer> level = new ArrayList<>();
            for (int b = 0; b < bones; b++) if (depth[b] == d) level.add(b);
            int[] ids = level.stream().mapToInt(Integer::intValue).toArray();
            int[] parentPos = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                posInLevel[ids[i]] = i;
                levelOrder[ids[i]] = at++;
                parentPos[i] = d == 0 ? -1 : posInLevel[parents[ids[i]]];
            }
            levels.add(ids);
            parentPositions.add(parentPos);
        }
    }

    /**
     * Euler angles (x, z, y order of the eval's triples) of every bone from the 26 pose parameters: finger φ's bones
     * 2 + 4φ, 3 + 4φ, 4 + 4φ take (θ[6+4φ], θ[7+4φ], 0), (θ[8+4φ], 0, 0), (θ[9+4φ], 0, 0); the others 0.
     */
    int[] eulerIndex(int thetaSize) {
        int zero = thetaSize;
        int[] idx = new int[bones * 3];
        java.util.Arrays.fill(idx, zero);
        for (int f = 0; f < 5; f++) {
            int b = 2 + 4 * f;
            if (b + 2 >= bones) break;
            idx[3 * b] = 6 + 4 * f;
            idx[3 * b + 1] = 7 + 4 * f;
            idx[3 * (b + 1)] = 8 + 4 * f;
            idx[3 * (b + 2)] = 9 + 4 * f;
        }
        return idx;
    }

    /** Entries of a homogeneous rotation by angle a about axis {@code axis} (0 x, 1 y, 2 z) in [cos, sin, −sin, 0, 1]. */
    private static int[] rotationIndex(int axis) {
        int c = 0, s = 1, ms = 2, o = 3, l = 4;
        return switch (axis) {
            case 0 -> new int[] {l, o, o, o, o, c, ms, o, o, s, c, o, o, o, o, l};
            case 1 -> new int[] {c, o, s, o, o, l, o, o, ms, o, c, o, o, o, o, l};
            default -> new int[] {c, ms, o, o, s, c, o, o, o, o, l, o, o, o, o, l};
        };
    }

    /** [bones, 4, 4] homogeneous rotations about one axis by the angles [bones]. */
    private Tensor rotations(Tensor angles, int axis) {
        Tensor sin = angles.sin();
        Tensor packed = Ops.stack(1, angles.cos(), sin, sin.neg(), Tensor.zeros(bones), Tensor.ones(bones));
        return Ops.take(packed, rotationIndex(axis), 1).reshape(bones, 4, 4);
    }

    /** The transforms T_b = Abs_b · inverse_base_absolute_b of every bone for pose parameters θ: [bones, 4, 4]. */
    Tensor transforms(Tensor theta) {
        Tensor euler = Ops.take(Ops.concat(0, theta, Tensor.zeros(1)), eulerIndex(theta.size()), 0).reshape(bones, 3);
        Tensor ex = Ops.slice(euler, 1, 0, 1).reshape(bones);
        Tensor ez = Ops.slice(euler, 1, 1, 2).reshape(bones);
        Tensor ey = Ops.slice(euler, 1, 2, 3).reshape(bones);
        Tensor rotation = rotations(ez, 2).matmul(rotations(ey, 1)).matmul(rotations(ex, 0));
        Tensor relative = baseRelatives.matmul(rotation);
        List<Tensor> absolute = new ArrayList<>();
        for (int d = 0; d < levels.size(); d++) {
            Tensor rel = Ops.take(relative, levels.get(d), 0);
            absolute.add(d == 0 ? rel : Ops.take(absolute.get(d - 1), parentPositions.get(d), 0).matmul(rel));
        }
        Tensor all = Ops.take(Ops.concat(0, absolute.toArray(new Tensor[0])), levelOrder, 0);
        return all.matmul(inverseBaseAbsolutes);
    }

    /**
     * The posed positions [u, 3] of u vertices given by their homogeneous base positions [u, 4] and skinning weights
     * [u, bones]: Σ_b w_vb (T_b p_v)[0..2], computed as (Σ_b w_vb T_b) p_v (one matrix product blends the
     * transforms), mirrored if the model is, then the global rotation and translation.
     */
    Tensor pose(Tensor theta, Tensor positions, Tensor weights) {
        int u = positions.shape()[0];
        Tensor t = Ops.slice(transforms(theta), 1, 0, 3).reshape(bones, 12);
        Tensor blended = weights.matmul(t).reshape(u, 3, 4);
        Tensor skinned = blended.mul(positions.reshape(u, 1, 4)).sum(2);                    // [u, 3]
        if (mirrored) skinned = skinned.mul(Tensor.of(-1, 1, 1));
        Tensor global = globalRotation(Ops.slice(theta, 0, 0, 3));
        return Ops.matmul(skinned, global, false, true).add(Ops.slice(theta, 0, 3, 6));
    }

    /** I if ‖r‖ < 1e-4, else the Rodrigues matrix cos θ·I + sin θ·[u]× + (1 − cos θ)uuᵀ (θ = ‖r‖, u = r/θ). */
    static Tensor globalRotation(Tensor r) {
        Tensor norm = r.mul(r).sum().sqrt();
        if (norm.item() < 1e-4) return Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        Tensor u = r.div(norm);
        Tensor cos = norm.cos();
        Tensor cross = Ops.take(Ops.concat(0, u, u.neg(), Tensor.zeros(1)), new int[] {6, 5, 1, 2, 6, 3, 4, 0, 6}, 0)
                .reshape(3, 3);
        Tensor eye = Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        return eye.mul(cos).add(cross.mul(norm.sin())).add(Ops.outer(u, u).mul(Tensor.scalar(1).sub(cos)));
    }
}
