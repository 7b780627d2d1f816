#!/usr/bin/env python3
"""Writes fixtures/fuzz-regressions/: hostile JPEGs made by byte surgery on the sample card's
IMG_0001.JPG (photocat's own file), each aimed at one parser path. fuzz/run uses them as seeds and
FuzzRegressionTests reads each through the whole read stage. Crash reproducers found by the
fuzzer are added beside them by hand."""
import os
import struct

here = os.path.dirname(os.path.abspath(__file__))
source = open(os.path.join(here, "../fixtures/sample-card/DCIM/100CANON/IMG_0001.JPG"), "rb").read()
out = os.path.join(here, "../fixtures/fuzz-regressions")


def segments(data):
    """(marker, offset, length) of each header segment up to and including SOS."""
    found, i = [], 2
    while True:
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        found.append((marker, i, length))
        if marker == 0xDA:
            return found
        i += 2 + length


def first(marker):
    return next(s for s in segments(source) if s[0] == marker)


def patched(offset, new):
    return source[:offset] + new + source[offset + len(new):]


def without(marker):
    _, offset, length = first(marker)
    return source[:offset] + source[offset + 2 + length:]


_, sof, _ = first(0xC0)
_, app1, app1_length = first(0xE1)
tiff = app1 + 10  # after FF E1, the length and "Exif\0\0"
_, sos, sos_length = first(0xDA)
cases = {
    "sof-zero-size.jpg": patched(sof + 5, struct.pack(">HH", 0, 0)),
    "sof-bogus-components.jpg": patched(sof + 9, bytes([200])),
    "sof-12-bit.jpg": patched(sof + 4, bytes([12])),
    "no-quantisation-table.jpg": without(0xDB),
    "no-huffman-table.jpg": without(0xC4),
    "scan-all-ff.jpg": source[:sos + 2 + sos_length] + b"\xff" * 4096 + b"\xff\xd9",
    "scan-before-frame.jpg": source[:sof] + source[sos:],
    "exif-ifd-count-65535.jpg": patched(tiff + 8, struct.pack("<H", 0xFFFF)),
    "exif-ifd0-offset-past-end.jpg": patched(tiff + 4, struct.pack("<I", 0xFFFFFFF0)),
    "exif-header-only.jpg": source[:app1] + b"\xff\xe1\x00\x10Exif\x00\x00II*\x00\x08\x00\x00\x00" + source[app1 + 2 + app1_length:],
    "app1-length-1.jpg": patched(app1 + 2, struct.pack(">H", 1)),
    "truncated-in-huffman-table.jpg": source[:first(0xC4)[1] + 20],
}
for name, data in cases.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
print(f"{len(cases)} cases written to {os.path.relpath(out)}")
