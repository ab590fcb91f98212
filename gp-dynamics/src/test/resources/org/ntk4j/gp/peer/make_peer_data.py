# Builds the numpy-peer reference data for PeerAgreementTest (run once with python3; the .npy
# files next to this script are its committed output). Runs /work/shared/bench/peer_numpy.py predict
# for mean.npy/cov.npy and saves the kernels that the peer computed with its own mlp().
import os, subprocess, sys, numpy as np
sys.path.insert(0, "/work/shared/bench")
import peer_numpy as peer

OUT = "/work/wt/gp/gp-dynamics/src/test/resources/org/ntk4j/gp/peer"
cases = {"relu": dict(act="relu", w=1.414, b=0.1, outputs=2, seed=11),
         "tanh": dict(act="tanh", w=1.2, b=0.05, outputs=1, seed=12)}
for name, c in cases.items():
    rng = np.random.default_rng(c["seed"])
    xt, xs = rng.standard_normal((16, 5)), rng.standard_normal((6, 5))
    yt = rng.standard_normal((16, c["outputs"]))
    work = f"/tmp/gpsmoke/peer_{name}"
    os.makedirs(work, exist_ok=True)
    for f, a in (("xt", xt), ("xs", xs), ("yt", yt)):
        np.save(f"{work}/{f}.npy", a)
    cmd = ["python3", "/work/shared/bench/peer_numpy.py", "predict", "--x-train", f"{work}/xt.npy",
           "--y-train", f"{work}/yt.npy", "--x-test", f"{work}/xs.npy", "--depth", "3", "--act", c["act"],
           "--w-std", str(c["w"]), "--b-std", str(c["b"]), "--times", "0,1,10,inf", "--out", work]
    print(" ".join(cmd)); print(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip())
    k = lambda a, b: peer.mlp(a, b, 3, c["w"], c["b"], c["act"], 25)
    k_tt, th_tt = k(xt, xt); k_st, th_st = k(xs, xt); k_ss, _ = k(xs, xs)
    d = f"{OUT}/{name}"; os.makedirs(d, exist_ok=True)
    for f, a in (("ntk_train", th_tt), ("nngp_train", k_tt), ("ntk_test_train", th_st), ("nngp_test_train", k_st),
                 ("nngp_test", k_ss), ("y_train", yt), ("mean", np.load(f"{work}/mean.npy")), ("cov", np.load(f"{work}/cov.npy"))):
        np.save(f"{d}/{f}.npy", np.ascontiguousarray(a, dtype="<f8"))
    print(name, "cond(ntk)=%.3g" % np.linalg.cond(th_tt), "eig ntk", np.linalg.eigvalsh(th_tt)[[0, -1]])
