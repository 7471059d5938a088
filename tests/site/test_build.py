"""The site builds with mkdocs --strict: nav from course.toml, lesson pages, figures and downloads."""

import json
import subprocess
import sys

import pytest

from llmcourse import course

from ..conftest import ROOT


@pytest.fixture()
def built(built_site):
    return built_site


@pytest.mark.model
def test_every_lesson_has_a_page_with_its_figures_and_downloads(built):
    for lesson in course.load().lessons:
        page = (built / "lessons" / lesson.id / "index.html").read_text()
        assert lesson.title.split(":")[0] in page
        assert "fig1.png" in page
        assert (built / "downloads" / f"{lesson.id}.ipynb").exists()
        exercise = json.loads((built / "downloads" / "exercises" / f"{lesson.id}.ipynb").read_text())
        assert "BEGIN SOLUTION" not in json.dumps(exercise)
        assert lesson.report_url in page


@pytest.mark.model
def test_nav_follows_course_toml_and_search_covers_lessons(built):
    home = (built / "index.html").read_text()
    for part in course.load().parts:
        assert part.title in home
        assert (built / "parts" / part.id / "index.html").exists()
    index = json.loads((built / "search" / "search_index.json").read_text())
    titles = " ".join(doc["title"] for doc in index["docs"])
    assert all(lesson.title.split(":")[0] in titles for lesson in course.load().lessons)


def test_stopping_serve_stops_the_site_too(executed_lessons, tmp_path):
    """SIGTERM to `llmcourse serve` takes its mkdocs child with it, and serve says what stays up."""
    import signal
    import time
    import urllib.request

    from llmcourse import net

    port = net.free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "llmcourse.cli", "serve", "--port", str(port)], cwd=ROOT,
                                stdout=out, stderr=subprocess.STDOUT)

    def answers() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                return reply.status == 200
        except OSError:
            return False

    try:
        deadline = time.monotonic() + 300
        while not answers():
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.5)
        assert "executing" not in log.read_text(), "every lesson came from the executed-lesson cache"
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    time.sleep(1)
    assert not answers(), "the site stopped with serve"
    assert net.port_free(port)
    assert "the site is stopped" in log.read_text()
