#!/usr/bin/env bash
# The comparison of the module README: every public workload through Cotangent's tool and the PyTorch tool, timed by
# the protocol (mean evaluate time per message), interleaved eval by eval, ROUNDS times; then a table with ranges.
# Usage: bench/run_bench.sh [ROUNDS] [MIN_SECONDS]   (from cotangent-gradbench/; the CLI jar must be built)
# EVALS="gmm ba" restricts the evals; FILTER="jacobian gradient dir" keeps only cases whose eval:function:workload
# contains one of the words (replay.py's --filter).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds="${1:-3}"
seconds="${2:-1}"
root="$(cd .. && pwd)"
replay="$root/../shared/bench/gradbench/replay.py"
data="$root/../shared/data/gradbench"
out="${BENCH_OUT:-target/bench}"
mkdir -p "$out"
export OPENBLAS_NUM_THREADS=1           # one thread for both tools
cotangent="java ${COTANGENT_JAVA_OPTS:--XX:+UseParallelGC} -jar $root/cotangent-cli/target/cotangent.jar gradbench"
torch="python3 $PWD/bench/torch_tool.py"
for r in $(seq 1 "$rounds"); do
  filters=()
  for f in ${FILTER:-}; do filters+=(--filter "$f"); done
  for e in ${EVALS:-lse kmeans gmm ba ht lstm llsq det ode particle saddle}; do
    echo "== round $r: $e (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    python3 "$replay" --quiet --tool "$cotangent" --tool-stderr /dev/null --min-seconds "$seconds" \
      ${filters[@]+"${filters[@]}"} --report "$out/cotangent-$e-$r.json" "$data/$e.json" >&2 || true
    case "$e" in lse|kmeans|gmm|ba|ht|lstm)
      OPENBLAS_CORETYPE=SKYLAKEX python3 "$replay" --quiet --tool "$torch" --tool-stderr /dev/null \
        --min-seconds "$seconds" ${filters[@]+"${filters[@]}"} --report "$out/pytorch-$e-$r.json" "$data/$e.json" >&2 \
        || true ;;
    esac
  done
done
python3 bench/table.py "$out"
