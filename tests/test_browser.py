"""The built HTML in a real browser (Debian's chromium, headless, driven by Playwright).

Every chapter page must load over a local web server, send no request off the machine, log
no console error, and draw every chart: static figures as decoded images, interactive ones as
a vega view with an SVG or canvas. A screenshot per chapter is kept in ``_build/screenshots``
for a person to look at.
"""

import functools
import http.server
import shutil
import threading
from urllib.parse import urlparse

import pytest

from tests.test_build import HTML, chapter_files

pytestmark = pytest.mark.build
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = HTML.parent / "screenshots"


@pytest.fixture(scope="module")
def server():
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.fail("chromium is not installed: run `make system-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield instance
        instance.close()


CHART_STATE = """() => {
  const images = [...document.querySelectorAll('main img')].map(
      i => ({src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0}));
  const vega = [...document.querySelectorAll('.eucluster-vega')].map(
      d => ({id: d.id, ok: d.querySelector('svg, canvas') !== null}));
  return {images, vega};
}"""


@pytest.mark.parametrize("chapter", chapter_files(), ids=lambda p: p.stem)
def test_chapter_page_in_a_browser(chapter, server, browser):
    page_path = "book/" + chapter.stem + ".html" if chapter.parent.name == "book" else "index.html"
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    outside, errors = [], []

    def route(request_route):
        host = urlparse(request_route.request.url).hostname
        if host in {"127.0.0.1", "localhost"} or request_route.request.url.startswith("data:"):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    response = page.goto(f"{server}/{page_path}", wait_until="load")
    page.wait_for_timeout(1500)
    state = page.evaluate(CHART_STATE)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{chapter.stem}.png"), full_page=True)
    page.close()

    assert response is not None and response.ok, f"{page_path}: HTTP {response and response.status}"
    assert not outside, f"{page_path} tried to load from outside the machine: {outside[:5]}"
    assert not errors, f"{page_path} logged console errors: {errors[:5]}"
    broken = [i["src"] for i in state["images"] if not i["ok"]]
    assert not broken, f"{page_path}: images not drawn: {broken[:5]}"
    empty = [v["id"] for v in state["vega"] if not v["ok"]]
    assert not empty, f"{page_path}: interactive charts not drawn: {empty}"
