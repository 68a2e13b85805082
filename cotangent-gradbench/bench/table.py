#!/usr/bin/env python3
"""Markdown table from run_bench.sh's replay reports: per eval, workload and tool, the range (min-max over rounds)
of the protocol's mean evaluate time, for the primal and the derivative function; cases that were not valid are
marked."""
import collections
import glob
import json
import os
import sys

PRIMAL = {"primal", "objective", "cost", "square"}
folder = sys.argv[1] if len(sys.argv) > 1 else "target/bench"
times = collections.defaultdict(list)   # (eval, workload, tool, kind) -> [mean ns]
by_round = {}                           # (eval, workload, tool, kind, round) -> mean ns
bad = set()
order = []
for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
    tool = os.path.basename(path).split("-")[0]
    rnd = os.path.basename(path).rsplit("-", 1)[1].split(".")[0]
    seen = collections.Counter()
    for rec in json.load(open(path)):
        ev, fn = rec["eval"], rec["function"]
        desc = rec["description"] or ""
        seen[(fn, desc)] += 1
        if ev == "ht":   # the data file has the simple variant first, then the complicated one, under one name
            desc += " simple" if seen[(fn, desc)] == 1 else " complicated"
        elif seen[(fn, desc)] > 1:
            desc += f" #{seen[(fn, desc)]}"
        kind = "primal" if fn in PRIMAL else fn if ev in ("particle", "saddle") else "derivative"
        key = (ev, desc, tool, kind)
        if rec["status"] != "valid":
            bad.add(key)
        elif rec["mean_ns"] is not None:
            times[key].append(rec["mean_ns"])
            by_round[key + (rnd,)] = rec["mean_ns"]
        if (ev, desc) not in order:
            order.append((ev, desc))


def fmt(ns):
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.3g} ms"
    return f"{ns / 1e3:.3g} µs"


def cell(key):
    if key in bad:
        return "invalid"
    v = times.get(key)
    if not v:
        return "–"
    lo, hi = min(v), max(v)
    return fmt(lo) if fmt(lo) == fmt(hi) else f"{fmt(lo)}–{fmt(hi)}"


def ratio(ev, desc):
    """PyTorch's derivative time over Cotangent's, paired by round (the two ran back to back)."""
    r = [by_round[(ev, desc, "pytorch", "derivative", k[4])] / v for k, v in by_round.items()
         if k[:4] == (ev, desc, "cotangent", "derivative") and (ev, desc, "pytorch", "derivative", k[4]) in by_round]
    if not r:
        return "–"
    lo, hi = min(r), max(r)
    f = lambda x: f"{x:.2g}" if x < 10 else f"{x:.0f}"
    return f(lo) if f(lo) == f(hi) else f"{f(lo)}–{f(hi)}"


print("| eval | workload | Cotangent primal | Cotangent derivative | PyTorch primal | PyTorch derivative "
      "| PyTorch ÷ Cotangent, derivative (per round) |")
print("|---|---|---:|---:|---:|---:|---:|")
for ev, desc in order:
    kinds = sorted({k[3] for k in times if k[0] == ev and k[1] == desc} | {k[3] for k in bad if k[0] == ev})
    if ev in ("particle", "saddle"):
        for kind in kinds:
            print(f"| {ev} | {desc} {kind} | – | {cell((ev, desc, 'cotangent', kind))} | – | – | – |")
        continue
    print(f"| {ev} | {desc} | {cell((ev, desc, 'cotangent', 'primal'))} | {cell((ev, desc, 'cotangent', 'derivative'))}"
          f" | {cell((ev, desc, 'pytorch', 'primal'))} | {cell((ev, desc, 'pytorch', 'derivative'))}"
          f" | {ratio(ev, desc)} |")
