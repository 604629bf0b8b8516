#!/usr/bin/env python3
"""`trajviz serve`, tested in a real browser (headless Debian chromium, driven by selenium).

    python explorer_in_browser.py TRAJVIZ OUTPUT_FOLDER

Starts `TRAJVIZ serve` on a free loopback port, loads the explorer with two optimizers (one of
them DiffGrad, so that the diagnosis shows), drags the first optimizer's lr slider, clicks the
map, and checks each time that the map changed and the page's URL followed; then loads that URL
afresh and checks that it shows the same map, and that a bad request is answered 400 with the
command line's one-line message. Screenshots go to OUTPUT_FOLDER. The server is stopped at the
end, whatever happened. Exits 1 with a message when a check fails. Run by scripts/test.sh
through scripts/browser-venv.sh, which provides selenium; nothing outside 127.0.0.1 is loaded.
"""
import base64
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../browser"))
from headless_chromium import headless_chromium  # noqa: E402


def fail(message):
    print(f"explorer_in_browser: {message}", file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, what, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    fail(f"timed out waiting for {what}")


def map_loaded(driver, previous):
    """The map's request URL once a new map has loaded (not `previous`), else None."""
    return driver.execute_script(
        "const m = document.getElementById('map');"
        "return m.complete && m.naturalWidth > 0 && !m.classList.contains('busy') && m.dataset.url !== arguments[0]"
        " ? m.dataset.url : null;", previous)


def map_bytes(driver):
    """The PNG the page shows as its map, read back from the image's blob URL."""
    encoded = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(document.getElementById('map').src).then(r => r.arrayBuffer()).then(b => {"
        "  let s = ''; for (const v of new Uint8Array(b)) s += String.fromCharCode(v); done(btoa(s)); });")
    return base64.b64decode(encoded)


def main():
    trajviz, output = sys.argv[1], os.path.abspath(sys.argv[2])
    os.makedirs(output, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([trajviz, "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    driver = None
    try:
        def up():
            try:
                return urllib.request.urlopen(base + "/", timeout=2).status == 200
            except OSError:
                if server.poll() is not None:
                    fail(f"trajviz serve exited {server.returncode}: {server.stderr.read().decode()}")
                return False
        wait_until(up, "the server to answer")

        bad = base + "/map.png?" + urllib.parse.urlencode({"function": "rosenbrock", "optimizer": "adam", "steps": "0"})
        try:
            urllib.request.urlopen(bad, timeout=10)
            fail("steps=0 was answered 200")
        except urllib.error.HTTPError as error:
            body = error.read().decode()
            if error.code != 400 or body != "error: --steps must be at least 1 (got 0)\n":
                fail(f"steps=0: expected 400 with the CLI's message, got {error.code} {body!r}")

        driver = headless_chromium(1500, 1100)
        query = urllib.parse.urlencode(
            [("function", "rosenbrock"), ("optimizer", "adam(lr=0.05)"), ("optimizer", "diffgrad(lr=0.05, clone=false)"),
             ("steps", "200")])
        driver.get(f"{base}/?{query}")
        first_url = wait_until(lambda: map_loaded(driver, ""), "the first map")
        picture = driver.find_element(By.ID, "map")
        wait_until(lambda: driver.execute_script(
            "return document.getElementById('overlap').naturalWidth > 0 && document.getElementById('verdict').textContent"),
            "the DiffGrad diagnosis")
        verdict = driver.find_element(By.ID, "verdict").text
        if "aliased" not in verdict.lower() and "aliasing" not in verdict.lower():
            fail(f"clone=false with in-place zeroing should be found aliased; the verdict reads {verdict!r}")
        before = map_bytes(driver)
        driver.save_screenshot(os.path.join(output, "explorer.png"))

        slider = driver.find_element(By.CSS_SELECTOR, "#optimizers .opt input[data-key=lr]")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", slider)
        ActionChains(driver).click_and_hold(slider).move_by_offset(-int(slider.size["width"] * 0.3), 0).release().perform()
        slid_url = wait_until(lambda: map_loaded(driver, first_url), "the map after the slider moved")
        slid = map_bytes(driver)
        page_url = driver.current_url
        if slid == before:
            fail("the map did not change when the lr slider moved")
        if "adam%28lr%3D0.05%29" in page_url or "adam(lr=0.05)" in urllib.parse.unquote(page_url):
            fail(f"the page URL did not follow the slider: {page_url}")

        driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", picture)
        # Offsets count from the element's centre: this is 15 % from the left, 20 % from the top.
        ActionChains(driver).move_to_element_with_offset(
            picture, -int(picture.size["width"] * 0.35), -int(picture.size["height"] * 0.3)).click().perform()
        clicked_url = wait_until(lambda: map_loaded(driver, slid_url), "the map after the click")
        clicked = map_bytes(driver)
        page_url = driver.current_url
        start = urllib.parse.parse_qs(urllib.parse.urlparse(page_url).query).get("start", [""])[0]
        if not start or clicked == slid:
            fail(f"clicking the map did not set the start and redraw (start {start!r})")
        x, y = (float(v) for v in start.split(","))
        if not (-2 < x < -1 and 1.5 < y < 3):
            fail(f"the click at 15 %, 20 % of the map should start near (-1.6, 2.3) on rosenbrock's domain, got {start}")
        driver.save_screenshot(os.path.join(output, "explorer-clicked.png"))

        driver.get(page_url)
        wait_until(lambda: map_loaded(driver, ""), "the map from the reloaded URL")
        if driver.current_url != page_url:
            fail(f"the reloaded page changed its URL: {page_url} -> {driver.current_url}")
        reloaded_url = driver.execute_script("return document.getElementById('map').dataset.url")
        if reloaded_url != clicked_url:
            fail(f"the reloaded page asked for another map: {clicked_url} -> {reloaded_url}")
        reloaded = map_bytes(driver)
        for name, data in (("map-clicked.png", clicked), ("map-reloaded.png", reloaded)):
            with open(os.path.join(output, name), "wb") as file:
                file.write(data)
        if reloaded != clicked:
            fail(f"the page's URL, loaded again, does not reproduce the map (see map-clicked.png, map-reloaded.png in {output})")
        driver.find_element(By.ID, "show-command").click()
        command = driver.find_element(By.ID, "command").text
        if not command.startswith("trajviz render --function rosenbrock --optimizer") or f"--start={start}" not in command:
            fail(f"the command does not reproduce the view: {command!r}")
        driver.save_screenshot(os.path.join(output, "explorer-command.png"))

        # A schedule and the lr colouring reach the map and the URL; the curves and the
        # diagnosis, which take no --color-by (nor the diagnosis a schedule), still draw.
        driver.execute_script(
            "for (const [id, value] of [['scheduler', 'cosineannealinglr(T_max=200)'], ['color-by', 'lr']]) {"
            "  const e = document.getElementById(id); e.value = value; e.dispatchEvent(new Event('input')); }")
        scheduled_url = wait_until(lambda: map_loaded(driver, reloaded_url), "the map with a schedule, coloured by lr")
        if "scheduler=" not in scheduled_url or "color-by=lr" not in scheduled_url:
            fail(f"the map was not asked for with the schedule and the lr colouring: {scheduled_url}")
        if map_bytes(driver) == reloaded:
            fail("the map did not change with a schedule coloured by lr")
        wait_until(lambda: driver.execute_script(
            "const v = ['curves', 'overlap'].map(id => document.getElementById(id));"
            "return v.every(i => i.complete && !i.classList.contains('busy'))"
            " && document.getElementById('verdict').textContent"), "the curves and the diagnosis with a schedule")
        error = driver.find_element(By.ID, "error")
        if error.is_displayed():
            fail(f"a view refused the schedule or the colouring: {error.text!r}")
        if "scheduler=" not in driver.current_url:
            fail(f"the page URL did not take the schedule: {driver.current_url}")
        driver.save_screenshot(os.path.join(output, "explorer-scheduled.png"))
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"explorer_in_browser: slider, click and schedule redrew the map, the URL reproduces it; screenshots in {output}")


if __name__ == "__main__":
    main()
