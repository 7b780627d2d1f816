"""Summarises bench/run's measurements: throughput, ratios to photocat, peak memory, per-stage
time, growth with photo size, thumbnail quality (SSIM) and inspect against exiftool. Prints
them, and with --write yes puts them into docs/speed.md and the README between their
<!-- bench-run --> markers, with the date, commit and machine."""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import statistics
import subprocess

from PIL import Image, ImageOps
from skimage.metrics import structural_similarity

TOOLS = [("photocat", "photocat"), ("vipsthumbnail", "vipsthumbnail (two sizes)"), ("imagemagick", "ImageMagick"),
         ("djpeg-1-2", "djpeg -scale 1/2"), ("djpeg-1-8", "djpeg -scale 1/8")]
GROWTH = [("12mp-20", "12 MP camera (3:2)"), ("24mp-20", "24 MP camera (3:2)"), ("45mp-20", "45 MP camera (3:2)"),
          ("phone-12mp-20", "12 MP phone (4:3)")]
BEGIN = "<!-- bench-run: written by bench/run; do not edit by hand -->"
END = "<!-- /bench-run -->"


def median_seconds(path, index=0):
    with open(path) as f:
        return statistics.median(json.load(f)["results"][index]["times"])


def runs(path):
    with open(path) as f:
        return len(json.load(f)["results"][0]["times"])


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


def quality(card, outputs, samples):
    """Mean SSIM of each tool's thumbnails against a full decode, upright, Lanczos-downscaled to
    the same size (Pillow), on luminance (scikit-image, Gaussian window as in Wang et al.)."""
    import numpy as np
    folder = next(os.path.join(root, "") for root, _, files in os.walk(card) if any(f.endswith(".JPG") for f in files))
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
            ours = Image.open(os.path.join(outputs, "photocat", "thumbs", str(size), sha1 + ".jpg"))
            reference = luminance(full.resize(ours.size, Image.LANCZOS), ours.size)
            candidates = {"photocat": ours, "vipsthumbnail": Image.open(os.path.join(outputs, "vips", f"{stem}_{size}.jpg"))}
            if os.path.isdir(os.path.join(outputs, "magick")):
                candidates["imagemagick"] = Image.open(os.path.join(outputs, "magick", f"{stem}_{size}.jpg"))
            for tool, image in candidates.items():
                score = structural_similarity(np.asarray(reference), np.asarray(luminance(image, ours.size)),
                                              data_range=255, gaussian_weights=True, sigma=1.5,
                                              use_sample_covariance=False)
                scores.setdefault((tool, size), []).append(score)
    return {key: statistics.mean(values) for key, values in scores.items()}, min(samples, len(names))


def command(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0) / 1024 / 1024
    system = next((line.split("=", 1)[1].strip().strip('"') for line in open("/etc/os-release") if line.startswith("PRETTY_NAME")), platform.system())
    swift = re.search(r"Swift version (\S+)", command("swift", "--version"))
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GB, {system}; Swift {swift.group(1) if swift else '?'}, "
            f"libjpeg-turbo {command('dpkg-query', '-W', '-f', '${Version}', 'libjpeg62-turbo')}, "
            f"{command('vips', '--version')}, exiftool {command('exiftool', '-ver')}")


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    parser = argparse.ArgumentParser()
    for name in ("card", "results", "write", "commit"):
        parser.add_argument("--" + name, required=True)
    for name in ("photos", "jobs", "inspected"):
        parser.add_argument("--" + name, type=int, required=True)
    parser.add_argument("--megapixels", type=float, required=True)
    args = parser.parse_args()
    r = args.results
    out = []

    times = {tool: median_seconds(os.path.join(r, tool + ".json")) for tool, _ in TOOLS}
    peaks = {tool: peak_mb(os.path.join(r, tool + ".rss")) for tool, _ in TOOLS}
    base = times["photocat"]
    out.append(f"{args.photos} photos of {args.megapixels:g} MP (quality 92, 4:2:0, camera-like grain, mixed orientations), "
               f"{args.jobs} workers, thumbnails 320 + 1280 px at quality 85, median of {runs(os.path.join(r, 'photocat.json'))} runs "
               f"(ImageMagick: 1):\n")
    out.append("| tool | seconds | photos/s | time ÷ photocat's | peak MB |")
    out.append("| --- | ---: | ---: | ---: | ---: |")
    for tool, label in TOOLS:
        out.append(f"| {label} | {times[tool]:.2f} | {args.photos / times[tool]:.2f} | {times[tool] / base:.2f} | {peaks[tool]:.0f} |")
    out.append("\nphotocat's time is its whole run: scan, SHA-1, EXIF, both thumbnails, pages, batch files, review page; "
               "vipsthumbnail runs once per size; ImageMagick writes both sizes from one decode.\n")

    stages = stage_table(os.path.join(r, "timings.txt"))
    scale = open(os.path.join(r, "scale.txt")).read().strip()
    floor = median_seconds(os.path.join(r, "djpeg-serial.json")) / args.photos * 1000
    decode = stages.get("decode", 0)
    rest = stages.get("resize", 0) + stages.get("encode", 0)
    out.append("Per photo on one core (`--timings`, ms): " + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()) + ".")
    out.append(f"photocat decodes at {scale} scale for 1280 px; `djpeg -scale {scale}` alone takes {floor:.1f} ms per photo, "
               f"so photocat's decode is {decode / floor:.2f}× the plain libjpeg-turbo decode, and resizing plus encoding "
               f"both sizes adds {rest:.1f} ms ({rest / stages.get('thumbnails', 1) * 100:.0f} % of the thumbnail work).\n")

    scores, samples = quality(args.card, os.path.join(r, "quality"), 12)
    out.append(f"Thumbnail quality: mean SSIM against a full decode, turned upright and Lanczos-downscaled by Pillow "
               f"({samples} photos, luminance):\n")
    out.append("| size | photocat | vipsthumbnail | ImageMagick |")
    out.append("| ---: | ---: | ---: | ---: |")
    for size in (320, 1280):
        out.append(f"| {size} px | " + " | ".join(f"{scores[(t, size)]:.4f}" for t in ("photocat", "vipsthumbnail", "imagemagick")) + " |")

    out.append("\nGrowth with photo size (20 photos each, both tools making both sizes; SSIM of 4 photos per card):\n")
    out.append("| photos | photocat s | vipsthumbnail s | vips ÷ photocat | SSIM 1280 px photocat / vips | SSIM 320 px photocat / vips |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    growth = {}
    for name, label in GROWTH:
        ours = median_seconds(os.path.join(r, f"growth-{name}-photocat.json"))
        theirs = median_seconds(os.path.join(r, f"growth-{name}-vipsthumbnail.json"))
        folder = os.path.join(r, f"growth-{name}")
        grown, _ = quality(open(os.path.join(folder, "card")).read().strip(), folder, 4)
        growth[name] = theirs / ours
        out.append(f"| {label} | {ours:.2f} | {theirs:.2f} | {theirs / ours:.2f} | "
                   f"{grown[('photocat', 1280)]:.4f} / {grown[('vipsthumbnail', 1280)]:.4f} | "
                   f"{grown[('photocat', 320)]:.4f} / {grown[('vipsthumbnail', 320)]:.4f} |")

    inspect = median_seconds(os.path.join(r, "inspect.json"), 0)
    exiftool = median_seconds(os.path.join(r, "inspect.json"), 1)
    carried = open(os.path.join(r, "inspect-exif.txt")).read().strip()
    out.append(f"\n`photocat inspect --json` against `exiftool -json -n -r` on {args.inspected} distinct small photos "
               f"(640 × 427 px) carrying {carried}:\n")
    out.append("| tool | seconds | photos/s | time ÷ photocat's |")
    out.append("| --- | ---: | ---: | ---: |")
    out.append(f"| photocat inspect | {inspect:.2f} | {args.inspected / inspect:,.0f} | 1.00 |")
    out.append(f"| exiftool | {exiftool:.2f} | {args.inspected / exiftool:,.0f} | {exiftool / inspect:.1f} |")

    vips_ratio = times["vipsthumbnail"] / base
    ssim_ok = all(scores[("photocat", s)] >= scores[("vipsthumbnail", s)] for s in (320, 1280))
    out.append("\nTargets:\n")
    out.append(f"- whole run at least 2.0× vipsthumbnail: {vips_ratio:.2f}×, {verdict(vips_ratio >= 2.0)}")
    out.append(f"- SSIM at least vipsthumbnail's at both sizes: {verdict(ssim_ok)}")
    out.append(f"- every photo size at least 1.6× vipsthumbnail: {min(growth.values()):.2f}× at worst, {verdict(min(growth.values()) >= 1.6)}")
    out.append(f"- inspect at least 5,000 photos/s and 40× exiftool: {args.inspected / inspect:,.0f}/s, {exiftool / inspect:.1f}×, "
               f"{verdict(args.inspected / inspect >= 5000 and exiftool / inspect >= 40)}")
    out.append(f"- peak memory under 300 MB: {peaks['photocat']:.0f} MB with {args.jobs} workers, {verdict(peaks['photocat'] < 300)}")

    stamp = f"Measured by `bench/run` on {datetime.date.today().isoformat()}, commit {args.commit}, on {machine()}."
    text = stamp + "\n\n" + "\n".join(out)
    print("\n" + text)

    summary = (f"On a {os.cpu_count()}-core machine photocat makes both thumbnail sizes of {args.photos} photos of "
               f"{args.megapixels:g} MP {vips_ratio:.2f}× as fast as vipsthumbnail, with SSIM as good, and "
               f"`photocat inspect` reads {args.inspected / inspect:,.0f} photos/s, {exiftool / inspect:.0f}× exiftool "
               f"(`bench/run`, {datetime.date.today().isoformat()}; figures and machine in [docs/speed.md](docs/speed.md)).")
    if args.write == "yes":
        for path, body in (("docs/speed.md", text), ("README.md", summary)):
            with open(path) as f:
                page = f.read()
            if BEGIN not in page or END not in page:
                raise SystemExit(f"bench/run: {path} has no {BEGIN} … {END} block to write into")
            start, end = page.index(BEGIN) + len(BEGIN), page.index(END)
            with open(path, "w") as f:
                f.write(page[:start] + "\n" + body + "\n" + page[end:])
        print("\nWritten into docs/speed.md and README.md.")
    else:
        print("\n(--quick: printed only; docs/speed.md and README.md keep the last full run's figures.)")


if __name__ == "__main__":
    main()
