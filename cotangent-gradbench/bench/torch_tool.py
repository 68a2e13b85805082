#!/usr/bin/env python3
"""A GradBench tool in PyTorch for the comparison table of cotangent-gradbench's README.

Small PyTorch programs equivalent to cotangent-gradbench's (same formulation, same vectorisation, the same
derivative mode where torch offers it), for lse, kmeans, gmm, ba, ht and lstm, speaking the same JSON-lines protocol,
so that ../../../shared/bench/gradbench/replay.py validates their outputs and reports their timings exactly as it does
for Cotangent. GradBench's own PyTorch tool is not used (its sources are not here).

Run: OPENBLAS_CORETYPE=SKYLAKEX python3 torch_tool.py   (one thread: torch.set_num_threads(1))
"""

import json
import math
import sys
import time

import torch
import torch.func as tf

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
T = torch.tensor


# ---------------------------------------------------------------------------- lse

def lse_primal(x):
    a = x.max()
    return a + torch.log(torch.sum(torch.exp(x - a)))


def lse(fn, inp):
    x = T(inp["x"])
    if fn == "primal":
        return lambda: lse_primal(x), lambda r: r.item()
    def grad():
        v = x.clone().requires_grad_()
        (g,) = torch.autograd.grad(lse_primal(v), v)
        return g
    return grad, lambda r: r.tolist()


# ---------------------------------------------------------------------------- kmeans

def kmeans_cost(p, c):
    d = (p * p).sum(1)[:, None] - 2 * p @ c.T + (c * c).sum(1)[None, :]
    return d.min(1).values.sum()


def kmeans(fn, inp):
    p, c = T(inp["points"]), T(inp["centroids"])
    if fn == "cost":
        return lambda: kmeans_cost(p, c), lambda r: r.item()
    def direction():   # forward over reverse: jvp(grad(cost), C, 1) = (J, H·1), H diagonal
        j, h = tf.jvp(tf.grad(lambda cs: kmeans_cost(p, cs)), (c,), (torch.ones_like(c),))
        return j / h
    return direction, lambda r: r.tolist()


# ---------------------------------------------------------------------------- gmm

def gmm_q_index(d):
    t = d * (d - 1) // 2
    idx = [d + t] * (d * d)
    nxt = 0
    for col in range(d):
        idx[col * d + col] = col
        for row in range(col + 1, d):
            idx[row * d + col] = d + nxt
            nxt += 1
    return torch.tensor(idx)


def gmm_constant(d, m, gamma):
    nu = d + m + 1
    c = nu * d * (math.log(gamma) - 0.5 * math.log(2))
    lmg = d * (d - 1) / 4 * math.log(math.pi) + sum(math.lgamma(nu / 2 + (1 - j) / 2) for j in range(1, d + 1))
    return c - lmg


def gmm_objective(alpha, mu, q, l, x, m, gamma, qidx, const):
    k, d = mu.shape
    n = x.shape[0]
    eq = q.exp()
    packed = torch.cat([eq, l, torch.zeros(k, 1)], 1)
    big_q = packed[:, qidx].reshape(k, d, d)
    centred = x[None, :, :] - mu[:, None, :]
    qx = centred @ big_q.transpose(1, 2)
    beta = (alpha + q.sum(1))[:, None] - 0.5 * (qx * qx).sum(2)
    like = torch.logsumexp(beta, 0).sum()
    prior = -0.5 * gamma * gamma * ((eq * eq).sum() + (l * l).sum()) + m * q.sum()
    return like - n * torch.logsumexp(alpha, 0) + prior + k * const - n * d / 2 * math.log(2 * math.pi)


def gmm(fn, inp):
    d, k = inp["d"], inp["k"]
    x, m, gamma = T(inp["x"]), inp["m"], float(inp["gamma"])
    params = [T(inp["alpha"]), T(inp["mu"]), T(inp["q"]), T(inp["l"]).reshape(k, d * (d - 1) // 2)]
    qidx, const = gmm_q_index(d), gmm_constant(d, m, gamma)
    if fn == "objective":
        return lambda: gmm_objective(*params, x, m, gamma, qidx, const), lambda r: r.item()
    def jac():
        ps = [p.clone().requires_grad_() for p in params]
        return torch.autograd.grad(gmm_objective(*ps, x, m, gamma, qidx, const), ps)
    return jac, lambda r: {"alpha": r[0].tolist(), "mu": r[1].tolist(), "q": r[2].tolist(), "l": r[3].tolist()}


# ---------------------------------------------------------------------------- ba

def cross(a, b):
    return a[[1, 2, 0]] * b[[2, 0, 1]] - a[[2, 0, 1]] * b[[1, 2, 0]]


def ba_residual(u, feat):
    r, v = u[0:3], u[11:14] - u[3:6]
    theta2 = (r * r).sum()
    zero = theta2 == 0
    theta = torch.where(zero, torch.ones_like(theta2), theta2).sqrt()
    w = r / theta
    cos = theta.cos()
    rotated = v * cos + cross(w, v) * theta.sin() + w * ((w * v).sum() * (1 - cos))
    y = torch.where(zero, v + cross(r, v), rotated)
    q = y[0:2] / y[2]
    rho = (q * q).sum()
    dist = 1 + u[9] * rho + u[10] * rho * rho
    return (q * (u[6] * dist) + u[7:9] - feat) * u[14]


def ba(fn, inp):
    n, m, p = inp["n"], inp["m"], inp["p"]
    cams = T(inp["cam"]).repeat(n, 1)
    pts = T(inp["x"]).repeat(m, 1)
    w = torch.full((p,), float(inp["w"]))
    feats = T(inp["feat"]).repeat(p, 1)
    obs = torch.arange(p)
    cam_of, pt_of = obs % n, obs % m
    def params():
        return torch.cat([cams[cam_of], pts[pt_of], w[:, None]], 1)
    if fn == "objective":
        def objective():
            return tf.vmap(ba_residual)(params(), feats), 1 - w * w
        return objective, lambda r: {"reproj_error": {"elements": r[0][0].tolist(), "repeated": p},
                                     "w_err": {"element": r[1][0].item(), "repeated": p}}
    def jacobian():
        blocks = tf.vmap(tf.jacrev(ba_residual))(params(), feats)            # [p, 2, 15]
        dw = tf.vmap(tf.grad(lambda wi: 1 - wi * wi))(w)
        cam_cols = 11 * cam_of[:, None] + torch.arange(11)
        pt_cols = 11 * n + 3 * pt_of[:, None] + torch.arange(3)
        w_cols = (11 * n + 3 * m + obs)[:, None]
        row_cols = torch.cat([cam_cols, pt_cols, w_cols], 1).repeat_interleave(2, 0)   # [2p, 15]
        cols = torch.cat([row_cols.reshape(-1), 11 * n + 3 * m + obs])
        vals = torch.cat([blocks.reshape(-1), dw])
        rows = torch.cat([torch.arange(0, 30 * p + 1, 15), 30 * p + 1 + torch.arange(p)])
        return rows, cols, vals
    def out(r):
        return {k: (v[:30].tolist() + [v[-1].item()]) for k, v in zip(("rows", "cols", "vals"), r)}
    return jacobian, out


# ---------------------------------------------------------------------------- ht

ROT_INDEX = {0: [4, 3, 3, 3, 3, 0, 2, 3, 3, 1, 0, 3, 3, 3, 3, 4],
             1: [0, 3, 1, 3, 3, 4, 3, 3, 2, 3, 0, 3, 3, 3, 3, 4],
             2: [0, 2, 3, 3, 1, 0, 3, 3, 3, 3, 4, 3, 3, 3, 3, 4]}


class Hand:
    def __init__(self, inp):
        data, model = inp["data"], inp["data"]["model"]
        self.parents = model["parents"]
        self.bones = len(self.parents)
        self.rel = T(model["base_relatives"])
        self.inv = T(model["inverse_base_absolutes"])
        self.mirrored = model["is_mirrored"]
        pos, wts = T(model["base_positions"]), T(model["weights"])
        corr = data["correspondences"]
        self.points = T(data["points"])
        self.us = T(inp["us"]) if inp["us"] else None
        corners = [corr] if self.us is None else [[model["triangles"][c][k] for c in corr] for k in range(3)]
        used = sorted(set(v for c in corners for v in c))
        slot = {v: i for i, v in enumerate(used)}
        self.corners = [torch.tensor([slot[v] for v in c]) for c in corners]
        self.pos, self.wts = pos[used], wts[used]
        depth = []
        for b, p in enumerate(self.parents):
            depth.append(0 if p < 0 else depth[p] + 1)
        self.levels, self.parent_pos, order, pos_in_level = [], [], [0] * self.bones, {}
        at = 0
        for d in range(max(depth) + 1):
            ids = [b for b in range(self.bones) if depth[b] == d]
            for i, b in enumerate(ids):
                pos_in_level[b] = i
                order[b] = at
                at += 1
            self.levels.append(torch.tensor(ids))
            self.parent_pos.append(torch.tensor([pos_in_level[self.parents[b]] if d else 0 for b in ids]))
        self.order = torch.tensor(order)
        eul = [26] * (3 * self.bones)
        for f in range(5):
            b = 2 + 4 * f
            eul[3 * b], eul[3 * b + 1], eul[3 * (b + 1)], eul[3 * (b + 2)] = 6 + 4 * f, 7 + 4 * f, 8 + 4 * f, 9 + 4 * f
        self.euler_index = torch.tensor(eul)

    def rotations(self, angles, axis):
        s = angles.sin()
        packed = torch.stack([angles.cos(), s, -s, torch.zeros(self.bones), torch.ones(self.bones)], 1)
        return packed[:, ROT_INDEX[axis]].reshape(self.bones, 4, 4)

    def transforms(self, theta):
        e = torch.cat([theta, torch.zeros(1)])[self.euler_index].reshape(self.bones, 3)
        rot = self.rotations(e[:, 1], 2) @ self.rotations(e[:, 2], 1) @ self.rotations(e[:, 0], 0)
        rel = self.rel @ rot
        absolute = []
        for d, ids in enumerate(self.levels):
            r = rel[ids]
            absolute.append(r if d == 0 else absolute[d - 1][self.parent_pos[d]] @ r)
        return torch.cat(absolute)[self.order] @ self.inv

    def pose(self, theta, small):
        t = self.transforms(theta)[:, 0:3, :].reshape(self.bones * 3, 4)
        u = self.pos.shape[0]
        skinned = ((t @ self.pos.T).reshape(self.bones, 3, u) * self.wts.T.reshape(self.bones, 1, u)).sum(0)
        if self.mirrored:
            skinned = skinned * T([[-1.0], [1.0], [1.0]])
        if small:
            g = torch.eye(3)
        else:
            r = theta[0:3]
            norm = (r * r).sum().sqrt()
            u3 = r / norm
            cross = torch.cat([u3, -u3, torch.zeros(1)])[[6, 5, 1, 2, 6, 3, 4, 0, 6]].reshape(3, 3)
            g = torch.eye(3) * norm.cos() + cross * norm.sin() + torch.outer(u3, u3) * (1 - norm.cos())
        return g @ skinned + theta[3:6].reshape(3, 1)

    def residuals(self, theta, us, small):
        posed = self.pose(theta, small)
        if us is None:
            hit = posed[:, self.corners[0]]
        else:
            u0, u1 = us[:, 0][None, :], us[:, 1][None, :]
            a, b, c = (posed[:, k] for k in self.corners)
            hit = a * u0 + b * u1 + c * (1 - u0 - u1)
        return (self.points - hit.T).reshape(-1)


def ht(fn, inp):
    hand = Hand(inp)
    theta = T(inp["theta"])
    small = bool((theta[0:3] * theta[0:3]).sum().sqrt() < 1e-4)   # the branch, decided outside the transform
    if fn == "objective":
        return lambda: hand.residuals(theta, hand.us, small), lambda r: r.tolist()
    if hand.us is None:
        return lambda: tf.jacfwd(lambda th: hand.residuals(th, None, small))(theta), lambda r: r.tolist()
    n = hand.us.shape[0]
    def jac():
        f = lambda v: hand.residuals(v[2:], hand.us + v[0:2].reshape(1, 2).expand(n, 2), small)
        return tf.jacfwd(f)(torch.cat([torch.zeros(2), theta]))
    return jac, lambda r: r.tolist()


# ---------------------------------------------------------------------------- lstm

def lstm_objective(main, extra, state, seq):
    layers, b = main.shape[0] // 2, extra.shape[1]
    c = seq.shape[0]
    gates = [[main[2 * k + g // 4, (g % 4) * b:(g % 4 + 1) * b] for g in range(8)] for k in range(layers)]
    hidden = [state[2 * k] for k in range(layers)]
    cell = [state[2 * k + 1] for k in range(layers)]
    outs = []
    for t in range(c - 1):
        z = seq[t] * extra[0]
        for k in range(layers):
            w, h = gates[k], hidden[k]
            f = torch.sigmoid(z * w[0] + w[4])
            i = torch.sigmoid(h * w[1] + w[5])
            o = torch.sigmoid(z * w[2] + w[6])
            g = torch.tanh(h * w[3] + w[7])
            cell[k] = cell[k] * f + i * g
            hidden[k] = o * torch.tanh(cell[k])
            z = hidden[k]
        outs.append(z)
    y = torch.stack(outs) * extra[1] + extra[2]
    lam = torch.log(y.exp().sum(1) + 2)[:, None]
    return -(seq[1:] * (y - lam)).sum() / ((c - 1) * b)


def lstm(fn, inp):
    main, extra, state, seq = (T(inp[k]) for k in ("main_params", "extra_params", "state", "sequence"))
    if fn == "objective":
        return lambda: lstm_objective(main, extra, state, seq), lambda r: r.item()
    def jac():
        m, e = main.clone().requires_grad_(), extra.clone().requires_grad_()
        return torch.autograd.grad(lstm_objective(m, e, state, seq), (m, e))
    return jac, lambda r: torch.cat([r[0].reshape(-1), r[1].reshape(-1)]).tolist()


# ---------------------------------------------------------------------------- protocol

EVALS = {"lse": lse, "kmeans": kmeans, "gmm": gmm, "ba": ba, "ht": ht, "lstm": lstm}


def evaluate(msg):
    prepare = EVALS[msg["module"]]
    inp = msg["input"]
    t0 = time.perf_counter_ns()
    run, encode = prepare(msg["function"], inp)
    timings = [{"name": "prepare", "nanoseconds": time.perf_counter_ns() - t0}]
    min_runs, min_seconds = inp.get("min_runs", 1), inp.get("min_seconds", 0)
    start = time.perf_counter_ns()
    while True:
        t = time.perf_counter_ns()
        result = run()
        timings.append({"name": "evaluate", "nanoseconds": time.perf_counter_ns() - t})
        if len(timings) - 1 >= min_runs and time.perf_counter_ns() - start >= min_seconds * 1e9:
            break
    return {"success": True, "output": encode(result), "timings": timings}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        msg = json.loads(line)
        kind = msg.get("kind")
        resp = {"id": msg["id"]}
        if kind == "start":
            resp["tool"] = "pytorch-" + torch.__version__
        elif kind == "define":
            resp["success"] = msg["module"] in EVALS
        elif kind == "evaluate":
            try:
                resp.update(evaluate(msg))
            except Exception as e:  # report, keep serving
                resp.update({"success": False, "error": f"{type(e).__name__}: {e}"})
        print(json.dumps(resp, allow_nan=False), flush=True)


if __name__ == "__main__":
    main()
