"""Times scikit-learn KMeans on the matrix bench/cluster/bench-cluster.ts writes.

Usage: /usr/bin/python3 bench/cluster/sklearn_kmeans.py FILE ROWS COLS K N_INIT SEED
FILE holds ROWS*COLS bytes (0/1), row-major. Prints one JSON object: seconds (fit only,
wall clock), cpuSeconds (all threads), load seconds, inertia, n_iter, peak RSS in bytes, versions.
"""
import json
import resource
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans


def main() -> None:
    path, rows, cols, k, n_init, seed = sys.argv[1], *map(int, sys.argv[2:7])
    t0 = time.perf_counter()
    x = np.fromfile(path, dtype=np.uint8, count=rows * cols).reshape(rows, cols).astype(np.float64)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    c0 = time.process_time()
    km = KMeans(n_clusters=k, n_init=n_init, algorithm="lloyd", random_state=seed).fit(x)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({
        "seconds": seconds,
        "cpuSeconds": cpu,
        "loadSeconds": load,
        "inertia": float(km.inertia_),
        "nIter": int(km.n_iter_),
        "peakRssBytes": peak,
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
