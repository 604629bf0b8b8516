#!/usr/bin/env python3
"""Generates the pixelmatch agreement corpus for Tests/ImageDiffTests/Fixtures/corpus/.

Each case is a pair of small PNGs (baseline `NAME.a.png`, actual `NAME.b.png`) drawn with Pillow
from a fixed seed. The expected results come from the reference implementations, run here once:

- mismatch counts from the `pixelmatch` 0.4.0 package (`pixelmatch.core.pixelmatch`, a port of
  mapbox/pixelmatch) at thresholds 0.05, 0.1 and 0.3, with and without includeAA, on the pixels
  Pillow decodes (`Image.convert("RGBA")`);
- an FNV-1a 64 hash of the diff image pixelmatch draws in each of those runs, and of the diff
  mask at threshold 0.1;
- matplotlib's RMS as `compare_images` computes it (`_load_image`, then `_image.calculate_rms_and_diff`);
- an FNV-1a 64 hash of each file's RGBA pixels as Pillow decodes them.

It also writes damaged files under Fixtures/bad/ for the error tests. Usage (from the repo root):

    pip install pixelmatch==0.4.0 pillow numpy matplotlib
    python3 Tools/imagediff/make_corpus.py
"""
import io
import json
import math
import os
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont
import pixelmatch
from pixelmatch.core import pixelmatch as reference_pixelmatch
from matplotlib.testing.compare import _load_image
from matplotlib._image import calculate_rms_and_diff
from importlib.metadata import version

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "ImageDiffTests", "Fixtures")
CORPUS = os.path.join(ROOT, "corpus")
BAD = os.path.join(ROOT, "bad")
THRESHOLDS = [0.05, 0.1, 0.3]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
rng = np.random.default_rng(20261127)


def fnv1a64(data: bytes) -> str:
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def supersampled(size, draw, scale=8, mode="RGB", background=(255, 255, 255)):
    """Draws at `scale` times the size and box-filters down: anti-aliased edges."""
    w, h = size
    big = Image.new(mode, (w * scale, h * scale), background)
    draw(ImageDraw.Draw(big), scale)
    return big.resize(size, Image.BOX)


def noise(size, channels=3):
    w, h = size
    return rng.integers(0, 256, (h, w, channels), dtype=np.uint8)


def circle(offset):
    def draw(d, s):
        cx, cy, r = (32 + offset) * s, 32 * s, 19 * s
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(40, 90, 200), outline=(0, 0, 0), width=2 * s)
    return supersampled((64, 64), draw)


def lines(offset):
    def draw(d, s):
        for k in range(5):
            x = (6 + 12 * k + offset) * s
            d.line([(x, 2 * s), (x + 20 * s, 62 * s)], fill=(200, 30, 30), width=s * (1 + k % 3))
    return supersampled((64, 64), draw)


def text(message, offset=0, size=(96, 32), font_size=15, color=(20, 20, 20)):
    image = Image.new("RGB", size, (255, 255, 255))
    ImageDraw.Draw(image).text((4 + offset, 6), message, font=ImageFont.truetype(FONT, font_size), fill=color)
    return image


def sine_plot(phase, amplitude=18):
    def draw(d, s):
        for gx in range(0, 96, 16):
            d.line([(gx * s, 0), (gx * s, 64 * s)], fill=(225, 225, 225), width=s)
        points = [(x * s / 4, (32 + amplitude * math.sin(x / 40 + phase)) * s) for x in range(0, 96 * 4)]
        d.line(points, fill=(31, 119, 180), width=2 * s)
    return supersampled((96, 64), draw)


def colour_steps(delta_scale):
    """16 blocks; in the actual, block k moves by k*delta_scale in a different colour direction."""
    base = np.zeros((64, 64, 3), dtype=np.int16)
    base[:] = (120, 160, 90)
    out = base.copy()
    directions = [(1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 1), (1, -1, 0), (-1, 0, 1)]
    for k in range(16):
        y, x = divmod(k, 4)
        d = directions[k % len(directions)]
        out[y * 16:(y + 1) * 16, x * 16:(x + 1) * 16] += np.array(d, dtype=np.int16) * k * delta_scale
    return Image.fromarray(base.clip(0, 255).astype(np.uint8)), Image.fromarray(out.clip(0, 255).astype(np.uint8))


def alpha_ramp(shift):
    w, h = 64, 32
    arr = np.zeros((h, w, 4), dtype=np.int16)
    arr[..., 0] = np.linspace(0, 255, w)[None, :]
    arr[..., 1] = 80
    arr[..., 2] = np.linspace(255, 0, h)[:, None]
    arr[..., 3] = np.linspace(0, 255, w)[None, :]
    arr[..., 3] = (arr[..., 3] + shift * ((np.arange(h)[:, None] // 4) % 3)).clip(0, 255)
    return Image.fromarray(arr.astype(np.uint8), "RGBA")


def palette_pair(change):
    """The same 16-colour picture as a palette image and as RGB (optionally one block changed)."""
    arr = np.zeros((48, 48, 3), dtype=np.uint8)
    colours = rng.integers(0, 256, (16, 3), dtype=np.uint8)
    for k in range(16):
        y, x = divmod(k, 4)
        arr[y * 12:(y + 1) * 12, x * 12:(x + 1) * 12] = colours[k]
    rgb = Image.fromarray(arr)
    palette = rgb.quantize(colors=16, method=Image.Quantize.MEDIANCUT)
    assert np.array_equal(np.asarray(palette.convert("RGB")), arr)
    if change:
        arr = arr.copy()
        arr[12:24, 12:24] = (arr[12:24, 12:24].astype(np.int16) + 40).clip(0, 255).astype(np.uint8)
    return palette, Image.fromarray(arr)


def palette_transparency_pair():
    """A palette image with a tRNS chunk (one fully and one half transparent entry) and the RGBA equivalent."""
    arr = np.zeros((40, 40, 4), dtype=np.uint8)
    arr[..., :3] = (200, 60, 60)
    arr[..., 3] = 255
    arr[10:30, 10:30] = (0, 0, 0, 0)
    arr[15:25, 15:25] = (30, 200, 30, 128)
    rgba = Image.fromarray(arr, "RGBA")
    palette = Image.new("P", (40, 40))
    palette.putpalette([200, 60, 60, 0, 0, 0, 30, 200, 30] + [0] * (256 * 3 - 9))
    index = np.zeros((40, 40), dtype=np.uint8)
    index[10:30, 10:30] = 1
    index[15:25, 15:25] = 2
    palette = Image.fromarray(index, "P")
    palette.putpalette([200, 60, 60, 0, 0, 0, 30, 200, 30] + [0] * (256 * 3 - 9))
    palette.info["transparency"] = bytes([255, 0, 128])
    assert np.array_equal(np.asarray(palette.convert("RGBA")), arr)
    return palette, rgba


def rectangle(side):
    image = Image.new("RGB", (48, 48), (250, 250, 250))
    ImageDraw.Draw(image).rectangle([10, 10, 10 + side - 1, 10 + side - 1], fill=(10, 10, 10))
    return image


def gradient(shift):
    arr = np.zeros((32, 80, 3), dtype=np.uint8)
    ramp = np.clip(np.arange(80) * 3 + shift, 0, 255).astype(np.uint8)
    arr[..., 0] = ramp[None, :]
    arr[..., 1] = 255 - ramp[None, :]
    arr[..., 2] = 128
    return Image.fromarray(arr)


def checker(inverted_block):
    arr = ((np.indices((40, 40)).sum(axis=0) % 2) * 255).astype(np.uint8)
    if inverted_block:
        arr[8:16, 8:16] = 255 - arr[8:16, 8:16]
    return Image.fromarray(arr, "L")


def border_shapes(offset):
    def draw(d, s):
        d.ellipse([(-10 + offset) * s, -10 * s, 14 * s, 14 * s], fill=(0, 0, 0))
        d.polygon([(40 * s, 48 * s), ((48 + offset) * s, 30 * s), (48 * s, 48 * s)], fill=(0, 120, 0))
    return supersampled((48, 48), draw)


def transparent_colours():
    a = np.zeros((16, 16, 4), dtype=np.uint8)
    b = noise((16, 16), 4)
    b[..., 3] = 0
    a[4:8, 4:8] = (255, 0, 0, 255)
    b[4:8, 4:8] = (255, 0, 0, 255)
    return Image.fromarray(a, "RGBA"), Image.fromarray(b, "RGBA")


def gray_alpha_pair():
    l = np.tile(np.linspace(0, 255, 32).astype(np.uint8), (32, 1))
    alpha = np.tile(np.linspace(255, 0, 32).astype(np.uint8)[:, None], (1, 32))
    a = Image.fromarray(np.dstack([l, alpha]), "LA")
    l2 = l.copy()
    l2[10:20, 10:20] = 255 - l2[10:20, 10:20]
    b = Image.fromarray(np.dstack([l2, alpha]), "LA")
    return a, b


def cases():
    n = noise((64, 64))
    one = np.full((32, 32, 3), 230, dtype=np.uint8)
    one_changed = one.copy()
    one_changed[7, 11] = (20, 20, 20)
    small = (n.astype(np.int16) + rng.integers(-24, 25, n.shape)).clip(0, 255).astype(np.uint8)
    yield "identical-noise", Image.fromarray(n), Image.fromarray(n.copy())
    yield "one-pixel", Image.fromarray(one), Image.fromarray(one_changed)
    yield "noise-perturbed", Image.fromarray(n), Image.fromarray(small)
    yield "noise-vs-noise", Image.fromarray(n), Image.fromarray(noise((64, 64)))
    yield "aa-circle-shift", circle(0), circle(1)
    yield "aa-lines-shift", lines(0), lines(1)
    yield "aa-lines-subpixel", lines(0), lines(0.5)
    yield "text-shift", text("Rosenbrock 1e-3"), text("Rosenbrock 1e-3", offset=1)
    yield "text-change", text("Rosenbrock"), text("Rosenbrack")
    yield "text-colour", text("viridis", color=(20, 20, 20)), text("viridis", color=(60, 40, 20))
    for scale in (1, 3, 8):
        a, b = colour_steps(scale)
        yield f"colour-steps-{scale}", a, b
    yield "alpha-ramp", alpha_ramp(0), alpha_ramp(9)
    yield "alpha-ramp-large", alpha_ramp(0), alpha_ramp(60)
    yield "transparent-colours", *transparent_colours()
    yield "palette-vs-truecolor", *palette_pair(change=False)
    yield "palette-vs-truecolor-changed", *palette_pair(change=True)
    yield "palette-trns-vs-rgba", *palette_transparency_pair()
    yield "gray-alpha", *gray_alpha_pair()
    yield "gray-vs-rgb", checker(False), checker(False).convert("RGB")
    yield "checker-inverted-block", checker(False), checker(True)
    yield "rectangle-grows", rectangle(20), rectangle(21)
    yield "gradient-shift", gradient(0), gradient(3)
    yield "sine-plot-phase", sine_plot(0), sine_plot(0.03)
    yield "sine-plot-amplitude", sine_plot(0, 18), sine_plot(0, 19)
    yield "border-shapes", border_shapes(0), border_shapes(1)
    yield "size-mismatch", Image.fromarray(one), Image.fromarray(np.full((33, 32, 3), 230, dtype=np.uint8))


def save(image, path):
    image.save(path, format="PNG")
    return Image.open(path)


def run_reference(a, b, w, h, threshold, include_aa, diff_mask=False):
    output = [0] * (w * h * 4)
    count = reference_pixelmatch(a, b, w, h, output, threshold=threshold, includeAA=include_aa, diff_mask=diff_mask)
    return count, fnv1a64(bytes(output))


def main():
    os.makedirs(CORPUS, exist_ok=True)
    os.makedirs(BAD, exist_ok=True)
    results = []
    for name, a, b in cases():
        path_a = os.path.join(CORPUS, f"{name}.a.png")
        path_b = os.path.join(CORPUS, f"{name}.b.png")
        image_a, image_b = save(a, path_a), save(b, path_b)
        rgba_a = image_a.convert("RGBA").tobytes()
        rgba_b = image_b.convert("RGBA").tobytes()
        entry = {
            "name": name,
            "baseline": os.path.basename(path_a), "actual": os.path.basename(path_b),
            "baselineMode": image_a.mode, "actualMode": image_b.mode,
            "baselineSize": list(image_a.size), "actualSize": list(image_b.size),
            "baselineRGBAHash": fnv1a64(rgba_a), "actualRGBAHash": fnv1a64(rgba_b),
        }
        if image_a.size != image_b.size:
            entry["sizeMismatch"] = True
        else:
            w, h = image_a.size
            la, lb = list(rgba_a), list(rgba_b)
            runs = []
            for threshold in THRESHOLDS:
                for include_aa in (False, True):
                    count, diff_hash = run_reference(la, lb, w, h, threshold, include_aa)
                    runs.append({"threshold": threshold, "includeAA": include_aa,
                                 "mismatchedPixels": count, "diffImageHash": diff_hash})
            entry["runs"] = runs
            entry["diffMaskHash"] = run_reference(la, lb, w, h, 0.1, False, diff_mask=True)[1]
            expected, actual = _load_image(path_a), _load_image(path_b)
            entry["rms"] = float(calculate_rms_and_diff(expected, actual)[0]) if expected.shape == actual.shape else None
        results.append(entry)
        print(name, [r["mismatchedPixels"] for r in entry.get("runs", [])], entry.get("rms"))
    document = {
        "generator": "Tools/imagediff/make_corpus.py",
        "pixelmatch": version("pixelmatch"), "matplotlib": version("matplotlib"), "pillow": version("pillow"),
        "hash": "FNV-1a 64 of the RGBA bytes, row-major",
        "cases": results,
    }
    with open(os.path.join(CORPUS, "expected.json"), "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")

    valid = open(os.path.join(CORPUS, "text-shift.a.png"), "rb").read()
    with open(os.path.join(BAD, "truncated.png"), "wb") as f:
        f.write(valid[: len(valid) // 2])
    corrupt = bytearray(valid)
    idat = corrupt.index(b"IDAT")
    corrupt[idat + 20] ^= 0xFF
    with open(os.path.join(BAD, "bad-crc.png"), "wb") as f:
        f.write(corrupt)
    with open(os.path.join(BAD, "header-only.png"), "wb") as f:
        f.write(valid[:33])
    with open(os.path.join(BAD, "empty.png"), "wb") as f:
        pass
    with open(os.path.join(BAD, "not-a-png.png"), "wb") as f:
        f.write(b"GIF89a this is not a PNG at all\n")
    jpeg = io.BytesIO()
    text("jpeg").save(jpeg, format="JPEG")
    with open(os.path.join(BAD, "photo.png"), "wb") as f:
        f.write(jpeg.getvalue())


if __name__ == "__main__":
    sys.exit(main())
