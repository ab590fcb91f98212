#!/usr/bin/env bash
# Side-by-side benchmark of `ntk4j predict` against the numpy peer (../shared/bench/peer_numpy.py
# predict) on the same generated data, in one run: whole-process wall time of both, their ratio,
# and the largest difference of the means and covariances relative to each array's largest entry.
#
#   bench/compare-predict.sh [--n-train 4000] [--n-test 1000] [--d 64] [--depth 3] [--act relu]
#                            [--w-std 1.4142] [--b-std 0.1] [--times 0,0.1,0.3,1,3,10,30,100,1000,inf]
#                            [--threads N] [--no-peer]
#
# JAVA_OPTS is passed to the launcher (e.g. JAVA_OPTS=-Xmx8g for 10000 training points).
# --no-peer runs ntk4j alone (for sizes the peer's memory does not allow).
# Needs a built distribution (mvn -q install -DskipTests) and python3 with numpy and scipy.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
peer="${PEER:-$here/../shared/bench/peer_numpy.py}"
# A git worktree under /work/wt/<name> has the shared folder one level further up.
[ -f "$peer" ] || [ -n "${PEER:-}" ] || peer="$here/../../shared/bench/peer_numpy.py"
ntk4j="$here/distribution/target/ntk4j/bin/ntk4j"
ntrain=4000 ntest=1000 d=64 depth=3 act=relu w=1.4142 b=0.1 times="0,0.1,0.3,1,3,10,30,100,1000,inf"
threads="" run_peer=1
while [ $# -gt 0 ]; do
  case "$1" in
    --n-train) ntrain=$2; shift 2;; --n-test) ntest=$2; shift 2;; --d) d=$2; shift 2;;
    --depth) depth=$2; shift 2;; --act) act=$2; shift 2;; --w-std) w=$2; shift 2;; --b-std) b=$2; shift 2;;
    --times) times=$2; shift 2;; --threads) threads="--threads $2"; shift 2;; --no-peer) run_peer=0; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[ -x "$ntk4j" ] || { echo "build first: mvn -q install -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$peer" data --n "$ntrain" --d "$d" --seed 1 --out "$work/xt.npy"
python3 "$peer" data --n "$ntest" --d "$d" --seed 2 --out "$work/xs.npy"

python3 - "$work" "$depth" "$act" "$w" "$b" <<'PY'
import json, sys
import numpy as np
work, depth, act, w, b = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
layers = []
for _ in range(depth):
    layers += [{"type": "dense", "wStd": w, "bStd": b}, {"type": act}]
layers.append({"type": "dense", "wStd": w, "bStd": b})
json.dump({"name": f"{act}-mlp-depth{depth}", "layers": layers}, open(f"{work}/arch.json", "w"))
# Targets: a smooth function of a random projection of the inputs, one output column.
x = np.load(f"{work}/xt.npy")
u = np.random.default_rng(3).standard_normal(x.shape[1]) / np.sqrt(x.shape[1])
np.save(f"{work}/yt.npy", np.sin(2 * x @ u))
PY

t0=$(date +%s.%N)
if [ "$run_peer" = 1 ]; then
  python3 "$peer" predict --x-train "$work/xt.npy" --y-train "$work/yt.npy" --x-test "$work/xs.npy" \
    --depth "$depth" --w-std "$w" --b-std "$b" --act "$act" --times "$times" --out "$work/peer" > "$work/peer.log"
fi
t1=$(date +%s.%N)
# shellcheck disable=SC2086
"$ntk4j" predict --arch "$work/arch.json" --x-train "$work/xt.npy" --y-train "$work/yt.npy" --x-test "$work/xs.npy" \
  --times "$times" --out "$work/ntk4j" $threads 2> "$work/ntk4j.log" || { cat "$work/ntk4j.log" >&2; exit 1; }
t2=$(date +%s.%N)

python3 - "$work" "$t0" "$t1" "$t2" "$ntrain" "$ntest" "$d" "$depth" "$act" "$run_peer" <<'PY'
import sys, os, json, numpy as np
work, t0, t1, t2 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
ntrain, ntest, d, depth, act, run_peer = sys.argv[5:11]
s = json.load(open(os.path.join(work, "ntk4j", "summary.json")))
ntk_s = t2 - t1
print(f"{act} MLP depth {depth}, N_train={ntrain}, N_test={ntest}, d={d}, {len(s['times'])} times: "
      f"ntk4j {ntk_s:.2f} s (whole process; kernels {s['seconds']['kernels']} s, GP {s['seconds']['gp']} s, "
      f"linear algebra {s['backends']['linearAlgebra']})")
if run_peer == "1":
    peer_s = t1 - t0
    inner = open(os.path.join(work, "peer.log")).read().strip()
    print(f"peer {peer_s:.2f} s (whole process; {inner}); ratio ntk4j/peer = {ntk_s / peer_s:.2f}")
    for k in ("mean", "cov"):
        a = np.load(os.path.join(work, "ntk4j", k + ".npy"))
        p = np.load(os.path.join(work, "peer", k + ".npy"))
        per_time = [float(np.max(np.abs(a[t] - p[t])) / max(np.max(np.abs(p[t])), 1e-300)) for t in range(a.shape[0])]
        print(f"{k}: max |ntk4j - peer| / max |peer| over times = {max(per_time):.2e} "
              f"(per time: {', '.join(f'{v:.1e}' for v in per_time)})")
PY
