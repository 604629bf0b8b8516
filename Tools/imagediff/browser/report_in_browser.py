#!/usr/bin/env python3
"""The HTML report of `trajviz check`, tested in a real browser (headless Debian chromium).

    python report_in_browser.py TRAJVIZ OUTPUT_FOLDER

Writes a baseline (blue) and an actual (orange) PNG, runs `TRAJVIZ check` on them with
`--html`, loads the page from disk (nothing else is reachable: the page is self-contained),
drags the slider of the failing image from the middle to the left with the mouse, and checks
that the view changed: the split moved, and a column that showed the baseline's blue now shows
the actual's orange. Screenshots of the page and of the slider before and after go to
OUTPUT_FOLDER. Exits 1 with a message when a check fails. Run by scripts/test.sh through
scripts/browser-venv.sh, which provides selenium.
"""
import os
import struct
import subprocess
import sys
import zlib

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../browser"))
from headless_chromium import headless_chromium  # noqa: E402

WIDTH, HEIGHT = 320, 200
BLUE, ORANGE = (40, 90, 200), (240, 140, 30)


def png(rows):
    """An RGB PNG from rows of (r, g, b) tuples (filter 0, zlib)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes(v for pixel in row for v in pixel) for row in rows)
    header = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def decode(data):
    """Pixels of an 8-bit RGB or RGBA PNG (what chromium's screenshots are), as rows of tuples."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return rows


def near(pixel, colour):
    return all(abs(p - c) <= 12 for p, c in zip(pixel, colour))


def fail(message):
    print(f"report_in_browser: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    trajviz, output = sys.argv[1], os.path.abspath(sys.argv[2])
    for side, colour in (("baseline", BLUE), ("actual", ORANGE)):
        os.makedirs(os.path.join(output, side), exist_ok=True)
        rows = [[colour] * WIDTH for _ in range(HEIGHT)]
        with open(os.path.join(output, side, "figure.png"), "wb") as file:
            file.write(png(rows))
    page = os.path.join(output, "report.html")
    run = subprocess.run(
        [trajviz, "check", os.path.join(output, "baseline"), os.path.join(output, "actual"), "--html", page],
        capture_output=True, text=True)
    if run.returncode != 1:
        fail(f"trajviz check should exit 1 on the changed image, exited {run.returncode}: {run.stderr}")

    driver = headless_chromium(1400, 1000)
    try:
        driver.get("file://" + page)
        swipe = driver.find_element(By.CSS_SELECTOR, ".swipe")
        stack = swipe.find_element(By.CSS_SELECTOR, ".stack")
        slider = swipe.find_element(By.CSS_SELECTOR, "input[type=range]")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", swipe)
        before_value = slider.get_attribute("value")
        before = decode(stack.screenshot_as_png)
        driver.save_screenshot(os.path.join(output, "page-before.png"))
        with open(os.path.join(output, "slider-before.png"), "wb") as file:
            file.write(stack.screenshot_as_png)
        # Drag the thumb (at the middle of the track) most of the way to the left.
        ActionChains(driver).click_and_hold(slider).move_by_offset(-int(slider.size["width"] * 0.4), 0).release().perform()
        after_value = slider.get_attribute("value")
        after = decode(stack.screenshot_as_png)
        driver.save_screenshot(os.path.join(output, "page-after.png"))
        with open(os.path.join(output, "slider-after.png"), "wb") as file:
            file.write(stack.screenshot_as_png)
        split = driver.execute_script("return arguments[0].style.getPropertyValue('--split')", swipe)
    finally:
        driver.quit()

    if not int(after_value) < int(before_value) == 50:
        fail(f"the slider did not move left: value {before_value} -> {after_value}")
    if split != f"{after_value}%":
        fail(f"the split ({split}) does not follow the slider ({after_value})")
    row = len(before) // 2
    column = int(len(before[row]) * 0.3)  # left of the old split, right of the new one
    if not near(before[row][column], BLUE):
        fail(f"before: the left part should show the baseline, shows {before[row][column]}")
    if not near(after[row][column], ORANGE):
        fail(f"after: the column at 30 % should show the actual, shows {after[row][column]}")
    if not near(after[row][2], BLUE) or not near(after[row][-3], ORANGE):
        fail("after: baseline on the left edge and actual on the right edge expected")
    print(f"report_in_browser: slider {before_value} -> {after_value}, the view changed; screenshots in {output}")


if __name__ == "__main__":
    main()
