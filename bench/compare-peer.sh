#!/usr/bin/env bash
# Side-by-side benchmark of `ntk4j kernel` against the numpy peer (../shared/bench/peer_numpy.py)
# on the same generated inputs, in one run: whole-process wall time of both, their ratio, and the
# largest relative difference of the results.
#
#   bench/compare-peer.sh [--n 2000] [--d 784] [--depth 10] [--act relu] [--w-std 1.4142] [--b-std 0.1]
#                         [--quad-degree 25] [--threads N] [--reference]
#
# --reference also computes a converged reference with the peer at --quad-degree 200 (quadrature
# activations only) and reports both tools' errors against it.
# Needs a built distribution (mvn -q install -DskipTests) and python3 with numpy (and scipy).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
peer="${PEER:-$here/../shared/bench/peer_numpy.py}"
ntk4j="$here/distribution/target/ntk4j/bin/ntk4j"
n=2000 d=784 depth=10 act=relu w=1.4142 b=0.1 deg=25 threads="" reference=0
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n=$2; shift 2;; --d) d=$2; shift 2;; --depth) depth=$2; shift 2;; --act) act=$2; shift 2;;
    --w-std) w=$2; shift 2;; --b-std) b=$2; shift 2;; --quad-degree) deg=$2; shift 2;;
    --threads) threads="--threads $2"; shift 2;; --reference) reference=1; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[ -x "$ntk4j" ] || { echo "build first: mvn -q install -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$peer" data --n "$n" --d "$d" --out "$work/x.npy"

python3 - "$work/arch.json" "$depth" "$act" "$w" "$b" <<'PY'
import json, sys
path, depth, act, w, b = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
layers = []
for _ in range(depth):
    layers += [{"type": "dense", "wStd": w, "bStd": b}, {"type": act}]
layers.append({"type": "dense", "wStd": w, "bStd": b})
json.dump({"name": f"{act}-mlp-depth{depth}", "layers": layers}, open(path, "w"))
PY

# Each tool's outputs are flushed to disk (sync, untimed) before the other one runs: otherwise the
# second tool pays for writing back the first one's files (256 MB for two 4000 × 4000 kernels).
sync
t0=$(date +%s.%N)
python3 "$peer" mlp --x "$work/x.npy" --depth "$depth" --w-std "$w" --b-std "$b" --act "$act" \
  --quad-degree "$deg" --out "$work/peer" > "$work/peer.log"
t1=$(date +%s.%N)
sync
t1s=$(date +%s.%N)
# shellcheck disable=SC2086
"$ntk4j" kernel --arch "$work/arch.json" --x1 "$work/x.npy" --out "$work/ntk4j" $threads 2> "$work/ntk4j.log"
t2=$(date +%s.%N)
if [ "$reference" = 1 ]; then
  python3 "$peer" mlp --x "$work/x.npy" --depth "$depth" --w-std "$w" --b-std "$b" --act "$act" \
    --quad-degree 200 --out "$work/ref" > /dev/null
fi

python3 - "$work" "$t0" "$t1" "$t1s" "$t2" "$n" "$d" "$depth" "$act" "$reference" <<'PY'
import sys, os, json, numpy as np
work, t0, t1, t1s, t2 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
n, d, depth, act, reference = sys.argv[6], sys.argv[7], sys.argv[8], sys.argv[9], sys.argv[10] == "1"
peer_s, ntk_s = t1 - t0, t2 - t1s
def rel(a, b):
    # Entrywise relative difference: dominated by the smallest entries, where low-degree quadrature
    # fails first. normwise() is the largest difference relative to the largest entry.
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300)))
def normwise(a, b):
    return float(np.max(np.abs(a - b)) / np.max(np.abs(b)))
out = {}
for k in ("nngp", "ntk"):
    a = np.load(os.path.join(work, "ntk4j", k + ".npy")); p = np.load(os.path.join(work, "peer", k + ".npy"))
    out[k] = rel(a, p); out[k + "_norm"] = normwise(a, p)
    if reference:
        r = np.load(os.path.join(work, "ref", k + ".npy"))
        out[k + "_ntk4j_vs_ref"] = rel(a, r); out[k + "_peer_vs_ref"] = rel(p, r)
        out[k + "_ntk4j_vs_ref_norm"] = normwise(a, r); out[k + "_peer_vs_ref_norm"] = normwise(p, r)
inner = open(os.path.join(work, "peer.log")).read().strip()
summary = json.load(open(os.path.join(work, "ntk4j", "summary.json")))
print(f"{act} MLP depth {depth}, N={n}, d={d}: peer {peer_s:.2f} s (whole process; {inner}), "
      f"ntk4j {ntk_s:.2f} s (whole process; compute {summary['seconds']} s), ratio peer/ntk4j = {peer_s / ntk_s:.2f}")
print("max relative difference ntk4j vs peer: nngp %.2e, ntk %.2e (entrywise); %.2e, %.2e (normwise)" % (
    out["nngp"], out["ntk"], out["nngp_norm"], out["ntk_norm"]))
if reference:
    print("vs converged reference (peer GH-200), entrywise: ntk4j nngp %.2e ntk %.2e; peer nngp %.2e ntk %.2e" % (
        out["nngp_ntk4j_vs_ref"], out["ntk_ntk4j_vs_ref"], out["nngp_peer_vs_ref"], out["ntk_peer_vs_ref"]))
    print("vs converged reference (peer GH-200), normwise: ntk4j nngp %.2e ntk %.2e; peer nngp %.2e ntk %.2e" % (
        out["nngp_ntk4j_vs_ref_norm"], out["ntk_ntk4j_vs_ref_norm"], out["nngp_peer_vs_ref_norm"],
        out["ntk_peer_vs_ref_norm"]))
PY
