"""matplotlib drawing the benchmark's contour figures in one Python process, as the seed article
draws its own: z on the grid, contourf with 101 levels over z's extent, coolwarm, alpha 0.8,
a colorbar, labels and title, savefig at 100 dpi (800 x 600 pixels).

    python3 bench/matplotlib/contours.py FIGURES.json OUT-DIR
"""
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

F = {
    "relu": lambda a: np.maximum(a, 0),
    "step": lambda a: np.where(a > 0, 1.0, 0.0),
    "sigmoid": lambda a: 1 / (1 + np.exp(-a)),
    "tanh": np.tanh,
}


def main(figures_file, out):
    os.makedirs(out, exist_ok=True)
    figures = json.load(open(figures_file))
    x1, x2 = np.meshgrid(np.arange(-5, 5.1, 0.1), np.arange(-5, 5.1, 0.1))
    for fig in figures:
        (w1, w2), b = fig["weights"], fig["bias"]
        z = F[fig["activation"]](w1 * x1 + w2 * x2 + b)
        lo, hi = float(z.min()), float(z.max())
        levels = np.linspace(lo, hi, 101) if hi > lo else [lo - 0.5, lo + 0.5]
        f = plt.figure(figsize=(8, 6), dpi=100)
        plt.contourf(x1, x2, z, levels=levels, cmap="coolwarm", alpha=0.8)
        plt.colorbar()
        plt.xlabel("x1")
        plt.ylabel("x2")
        plt.title(fig["title"])
        plt.savefig(os.path.join(out, fig["name"] + ".png"), dpi=100)
        plt.close(f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
