"""Debian's chromium, headless, driven by selenium: the one browser set-up of the browser tests."""

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def headless_chromium(width: int, height: int) -> webdriver.Chrome:
    """A headless chromium window of width x height CSS pixels at scale 1 (screenshots are
    pixel for pixel), from /usr/bin/chromium and /usr/bin/chromedriver (`chromium` and
    `chromium-driver`, installed by scripts/system-packages.sh)."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}",
                     "--force-device-scale-factor=1", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
