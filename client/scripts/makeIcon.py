#!/usr/bin/env python3
"""Draws the extension icon (media/icon.png, 128x128 RGBA): a package box under a magnifying glass on a dark tile.
Plain Python (zlib + struct), 4x4 supersampling for smooth edges; run it again after changing the shapes."""
import math, struct, zlib, pathlib

SIZE, SS = 128, 4

def inside_rounded_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1

def colour_at(x, y):
    """The colour of the point (x, y) in icon pixels, or None outside the tile."""
    if not inside_rounded_rect(x, y, 4, 4, 124, 124, 22):
        return None
    c = (20, 33, 61)  # tile
    # the box: body, lid band, tape
    if 22 <= x <= 86 and 40 <= y <= 100:
        c = (252, 163, 17)
        if y <= 54:
            c = (214, 130, 8)
        if 48 <= x <= 60:
            c = (245, 222, 179)
    # the magnifier: ring, glass, handle
    gx, gy, r_out, r_in = 82, 70, 26, 19
    d = math.hypot(x - gx, y - gy)
    if d <= r_in:
        c = tuple(int(0.55 * a + 0.45 * b) for a, b in zip(c, (229, 236, 246)))
    elif d <= r_out:
        c = (245, 247, 250)
    # handle: a thick segment from the ring towards the lower right
    hx0, hy0, hx1, hy1 = gx + 19, gy + 19, gx + 36, gy + 36
    t = max(0.0, min(1.0, ((x - hx0) * (hx1 - hx0) + (y - hy0) * (hy1 - hy0)) / ((hx1 - hx0) ** 2 + (hy1 - hy0) ** 2)))
    if math.hypot(x - (hx0 + t * (hx1 - hx0)), y - (hy0 + t * (hy1 - hy0))) <= 6.5:
        c = (245, 247, 250)
    return c

def render():
    rows = []
    for py in range(SIZE):
        row = bytearray([0])  # filter: none
        for px in range(SIZE):
            acc, hits = [0, 0, 0], 0
            for sy in range(SS):
                for sx in range(SS):
                    c = colour_at(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
                    if c is not None:
                        hits += 1
                        acc = [a + b for a, b in zip(acc, c)]
            if hits == 0:
                row += bytes(4)
            else:
                row += bytes([round(a / hits) for a in acc] + [round(255 * hits / (SS * SS))])
        rows.append(bytes(row))
    return b"".join(rows)

def png(raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")

out = pathlib.Path(__file__).resolve().parents[2] / "media" / "icon.png"
out.write_bytes(png(render()))
print(f"makeIcon: wrote {out} ({out.stat().st_size} bytes)")
