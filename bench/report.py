"""Summarises bench/run's measurements: throughput, ratios to photocat, peak memory, per-stage
time, growth with card and photo size, and thumbnail quality (SSIM)."""
import argparse
import hashlib
import json
import os
import statistics

from PIL import Image, ImageOps
from skimage.metrics import structural_similarity

TOOLS = ["photocat", "vipsthumbnail", "imagemagick", "djpeg-1/2", "djpeg-1/8"]


def median_seconds(path):
    with open(path) as f:
        return statistics.median(json.load(f)["results"][0]["times"])


def peak_mb(path):
    with open(path) as f:
        return int(f.read().split()[-1]) / 1024


def stage_table(path):
    rows = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[0].isalnum() and parts[0] != "stage":
                rows[parts[0]] = float(parts[2])  # per photo, ms
    return rows


def luminance(image, size):
    if image.size != size:
        image = image.resize(size, Image.LANCZOS)
    return image.convert("L")


def quality(card, work, samples=12):
    """Mean SSIM of each tool's thumbnails against a full decode, upright, Lanczos-downscaled to
    the same size (Pillow), on luminance (scikit-image, Gaussian window as in Wang et al.)."""
    import numpy as np
    folder = os.path.join(card, "DCIM", "100BENCH")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".JPG"))
    step = max(1, len(names) // samples)
    scores = {}
    for name in names[::step][:samples]:
        source = os.path.join(folder, name)
        with open(source, "rb") as f:
            sha1 = hashlib.sha1(f.read()).hexdigest()
        full = ImageOps.exif_transpose(Image.open(source)).convert("RGB")
        stem = name[:-4]
        for size in (320, 1280):
            ours = Image.open(os.path.join(work, "photocat", "thumbs", str(size), sha1 + ".jpg"))
            reference = luminance(full.resize(ours.size, Image.LANCZOS), ours.size)
            candidates = {
                "photocat": ours,
                "vipsthumbnail": Image.open(os.path.join(work, "vips", f"{stem}_{size}.jpg")),
                "imagemagick": Image.open(os.path.join(work, "magick", f"{stem}_{size}.jpg")),
            }
            for tool, image in candidates.items():
                score = structural_similarity(np.asarray(reference), np.asarray(luminance(image, ours.size)),
                                              data_range=255, gaussian_weights=True, sigma=1.5,
                                              use_sample_covariance=False)
                scores.setdefault((tool, size), []).append(score)
    return {key: statistics.mean(values) for key, values in scores.items()}, min(samples, len(names))


def main():
    parser = argparse.ArgumentParser()
    for name in ("card", "work", "results"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--photos", type=int, required=True)
    parser.add_argument("--megapixels", type=float, required=True)
    parser.add_argument("--jobs", type=int, required=True)
    args = parser.parse_args()
    r = args.results

    times = {tool: median_seconds(os.path.join(r, tool.replace("/", "-") + ".json")) for tool in TOOLS}
    peaks = {tool: peak_mb(os.path.join(r, tool.replace("/", "-") + ".rss")) for tool in TOOLS}
    base = times["photocat"]
    print(f"\n{args.photos} photos of {args.megapixels:g} MP, {args.jobs} workers, thumbnails 320 + 1280 px, median of runs")
    print(f"{'tool':<16}{'seconds':>9}{'photos/s':>10}{'time / photocat':>17}{'peak MB':>9}")
    for tool in TOOLS:
        print(f"{tool:<16}{times[tool]:>9.2f}{args.photos / times[tool]:>10.2f}{times[tool] / base:>17.2f}{peaks[tool]:>9.0f}")
    print("(photocat's time is its whole run: scan, SHA-1, EXIF, both thumbnails, pages, batch;\n"
          " vipsthumbnail runs once per size; ImageMagick writes both sizes from one decode)")

    stages = stage_table(os.path.join(r, "timings.txt"))
    floor = median_seconds(os.path.join(r, "djpeg-serial.json")) / args.photos * 1000
    print("\nPer photo on one core (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()))
    print(f"djpeg -scale 1/2 (the DCT scale photocat uses for 1280 px): {floor:.1f} ms per photo")

    print("\nGrowth (photocat, all workers):")
    for label in ("24mp-20", f"{args.megapixels:g}mp-{args.photos}", "12mp-20", "45mp-20"):
        path = os.path.join(r, f"scale-{label}.json")
        if os.path.exists(path):
            count = int(label.split("-")[1])
            seconds = median_seconds(path)
            print(f"  {label:<10} {seconds:7.2f} s  {count / seconds:6.2f} photos/s  {seconds / count * 1000:7.1f} ms per photo")

    scores, samples = quality(args.card, args.work)
    print(f"\nThumbnail quality: mean SSIM against a full-decode Lanczos reference ({samples} photos, luminance):")
    for size in (320, 1280):
        print(f"  {size:>4} px  " + "  ".join(f"{tool} {scores[(tool, size)]:.4f}" for tool in ("photocat", "vipsthumbnail", "imagemagick")))

    print("\nTargets:")
    vips_ratio = times["vipsthumbnail"] / base
    work_ratio = stages.get("thumbnails", 0) / floor
    ssim_ok = all(scores[("photocat", s)] >= scores[("vipsthumbnail", s)] for s in (320, 1280))
    print(f"  throughput vs vipsthumbnail  {vips_ratio:.2f}x (target >= 1.4x)  {'met' if vips_ratio >= 1.4 else 'NOT met'}")
    print(f"  thumbnail work vs djpeg 1/2  {work_ratio:.2f}x (target <= 1.5x)  {'met' if work_ratio <= 1.5 else 'NOT met'}")
    print(f"  SSIM no worse than vips      {'met' if ssim_ok else 'NOT met'}")
    print(f"  peak memory                  {peaks['photocat']:.0f} MB with {args.jobs} workers (target < 300 MB)  "
          f"{'met' if peaks['photocat'] < 300 else 'NOT met'}")


if __name__ == "__main__":
    main()
