"""The built site in headless Chromium at 1280 px: the home page, one lesson per part, the guides and a
search load with no console error, no broken image, no request leaving 127.0.0.1, and code and printed
results that need no horizontal scrolling. Set LLMCOURSE_SCREENSHOTS=DIR to keep a screenshot of each."""

import functools
import http.server
import os
import threading
import time
from pathlib import Path

import pytest

from llmcourse import course

from .chromium import BINARY

pytestmark = pytest.mark.skipif(BINARY is None, reason="Chromium is not installed (Debian: apt-get install -y "
                                                        "chromium; .ci/run installs it)")

COURSE = course.load()
LESSONS = [part.lessons[0] for part in COURSE.parts if part.lessons]
PAGES = ["", "guide/", "instructor/"] + [f"parts/{part.id}/" for part in COURSE.parts] + \
        [f"lessons/{lesson.id}/" for lesson in LESSONS]

# blocks that overflow their column; the check covers every code block and notebook output of the page
OVERFLOWING = """[...document.querySelectorAll('article pre > code, article .nb-output, article table')]
  .filter(el => el.scrollWidth > el.clientWidth + 1)
  .map(el => `${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}: ${el.textContent.slice(0, 80)}`)"""
BROKEN_IMAGES = """[...document.images].filter(img => !img.complete || img.naturalWidth === 0).map(img => img.src)"""


@pytest.fixture(scope="module")
def site(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_):
        pass


@pytest.fixture(scope="module")
def browser():
    from .chromium import Chromium
    chrome = Chromium(width=1280, height=900)
    yield chrome
    chrome.close()


def _external(requests: list[str]) -> list[str]:
    return [url for url in requests if not url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.strip("/") or "home")
def test_page_loads_cleanly_offline_and_fits_1280px(site, browser, page):
    visit = browser.visit(site + page)
    assert visit.errors == [], visit.errors
    assert _external(visit.requests) == [], "requests that left the machine"
    assert browser.evaluate(BROKEN_IMAGES) == []
    assert browser.evaluate("document.querySelector('article h1') !== null")
    assert browser.evaluate("window.innerWidth") == 1280
    assert browser.evaluate(OVERFLOWING) == [], "blocks that need horizontal scrolling at 1280 px"
    if shots := os.environ.get("LLMCOURSE_SCREENSHOTS"):
        Path(shots).mkdir(parents=True, exist_ok=True)
        browser.screenshot(Path(shots) / f"{page.strip('/').replace('/', '-') or 'home'}.png")


def test_home_page_lists_every_lesson(site, browser):
    browser.visit(site)
    links = browser.evaluate("[...document.querySelectorAll('article a')].map(a => a.getAttribute('href'))")
    for lesson in COURSE.lessons:
        assert f"lessons/{lesson.id}/" in links, lesson.id


def test_search_finds_a_lesson_without_the_network(site, browser):
    browser.visit(site)
    browser.evaluate("""(() => { const box = document.querySelector('.md-search__input'); box.focus();
        box.value = 'reciprocal rank fusion'; box.dispatchEvent(new Event('input', {bubbles: true}));
        box.dispatchEvent(new KeyboardEvent('keyup', {key: 'n', bubbles: true})); })()""")
    found = []
    deadline = time.monotonic() + 20
    while not found and time.monotonic() < deadline:
        found = browser.evaluate("[...document.querySelectorAll('.md-search-result__item a')].map(a => a.href)")
        time.sleep(0.2)
    assert any("/lessons/rag_keyword_search/" in url for url in found), found
    visit = browser.read(site)
    assert visit.errors == [] and _external(visit.requests) == []
