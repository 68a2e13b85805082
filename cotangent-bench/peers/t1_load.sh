#!/bin/sh
# Issue 13, T1 under load: Cotangent (T1Load: quiet and with a busy loop, block by block) and PyTorch 1.13
# (torch_bench.py --t1, quiet and with the same busy loop), alternated for ROUNDS rounds in one run.
# Usage, from the repository root after `mvn -q -pl cotangent-bench -am package -DskipTests`:
#   sh cotangent-bench/peers/t1_load.sh [ROUNDS]
ROUNDS=${1:-3}
JAR=cotangent-bench/target/benchmarks.jar
TORCH=../shared/bench/torch_bench.py
torch_t1() { # $1 = threads, $2 = label
    OPENBLAS_CORETYPE=SKYLAKEX /usr/bin/python3 "$TORCH" --t1 --threads "$1" --dtype float64 --steps 30 2>&1 \
        | grep -E "core=|forward\(no grad\)|forward\+backward" | sed "s/^/torch $2 /"
}
for r in $(seq 1 "$ROUNDS"); do
    echo "== round $r"
    java -cp "$JAR" dev.cotangent.bench.workloads.T1Load 2 1 2x 2 2>&1 | grep "^T1"
    for t in 1 2; do
        torch_t1 "$t" "quiet "
        sh -c 'while :; do :; done' & BUSY=$!
        sleep 0.2
        torch_t1 "$t" loaded
        kill "$BUSY"
    done
done
