#!/usr/bin/env python3
"""Regenerates the example data files in this folder (run once; the outputs are committed).

  python3 make-examples.py        (numpy >= 1.17; writes x.npy x_test.npy y.npy y_test.npy images.npy)
"""
import numpy as np

rng = np.random.default_rng(20240611)

# Vectors: 40 training and 10 test inputs in [-1, 1]^8.
x = rng.uniform(-1.0, 1.0, size=(40, 8))
x_test = rng.uniform(-1.0, 1.0, size=(10, 8))

# A smooth target: a sine along one fixed direction plus a gentle interaction of two coordinates.
direction = rng.standard_normal(8)
direction /= np.linalg.norm(direction)


def target(v):
    return (np.sin(2.0 * v @ direction) + 0.3 * v[:, 0] * v[:, 1])[:, None]


y = target(x)
y_test = target(x_test)

# Images: 6 pictures of 8x8 pixels with 3 channels (channels last), each channel a sinusoidal
# grating of random frequency, orientation and phase plus a little noise.
rows, cols = np.meshgrid(np.arange(8), np.arange(8), indexing="ij")
images = np.empty((6, 8, 8, 3))
for n in range(6):
    for c in range(3):
        freq = rng.uniform(0.3, 1.2)
        angle = rng.uniform(0.0, np.pi)
        phase = rng.uniform(0.0, 2.0 * np.pi)
        wave = np.sin(freq * (np.cos(angle) * rows + np.sin(angle) * cols) + phase)
        images[n, :, :, c] = wave + 0.1 * rng.standard_normal((8, 8))

for name, array in [("x", x), ("x_test", x_test), ("y", y), ("y_test", y_test), ("images", images)]:
    np.save(name + ".npy", np.ascontiguousarray(array, dtype=np.float64))
    print(f"{name}.npy {array.shape}")
