"""The capstone's web page: an answer with working citation links and an abstention, in headless Chromium;
over urllib, every error path and every place where text from a question, a model or the corpus is shown."""

from __future__ import annotations

import html
import html.parser
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from llmcourse.helpers import ask_page, course_corpus
from llmcourse.helpers.course_corpus import Passage

from ..site.chromium import BINARY

CORPUS = course_corpus.passages()
# a passage of one paragraph and one of several, with a list: both must read right on their page
CITED = [next(p for p in CORPUS if "\n\n" not in p.text.strip()),
         next(p for p in CORPUS if "\n\n" in p.text and "\n- " in p.text)]
ABSTAIN_REASON = "the best passage scored 0.8, under the threshold of 2.0"


def scripted_ask(question: str) -> dict:
    """A stand-in pipeline: answers questions about prompts, abstains on the rest."""
    if "prompt" in question.lower():
        return {"answer": f"Start from the fundamentals [{CITED[0].id}], then measure [{CITED[1].id}].",
                "citations": [p.id for p in CITED], "abstained": False, "reason": ""}
    return {"answer": "", "citations": [], "abstained": True, "reason": ABSTAIN_REASON}


def html_text(text: str) -> str:
    return html.escape(text, quote=True)


def fetch(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str, dict]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), dict(error.headers)


class Links(html.parser.HTMLParser):
    """Every href on a page, every tag name, and every attribute that runs script."""

    def __init__(self, page: str):
        super().__init__()
        self.hrefs, self.tags, self.handlers = [], [], []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("href", "src", "action"):
                self.hrefs.append(value)
            if name.startswith("on"):
                self.handlers.append((tag, name, value))


@pytest.fixture
def page():
    with ask_page.serve(scripted_ask, CORPUS) as served:
        yield served


def ask_url(page, question: str) -> str:
    return page.url + "?" + urllib.parse.urlencode({"q": question})


# -- over urllib ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "10.0.0.1", "example.com", "", "::", None])
def test_any_host_but_loopback_is_refused(host):
    with pytest.raises(ValueError, match="loopback only"):
        ask_page.serve(scripted_ask, CORPUS, host=host)


def test_localhost_serves_on_127_0_0_1_and_close_stops_it():
    served = ask_page.serve(scripted_ask, CORPUS, host="localhost")
    assert served.url.startswith("http://127.0.0.1:")
    assert fetch(served.url)[0] == 200
    served.close()
    served.close()  # twice is fine
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(served.url, timeout=5)


def test_ipv6_loopback_serves_too():
    try:
        served = ask_page.serve(scripted_ask, CORPUS, host="::1")
    except OSError as error:  # a machine without IPv6
        pytest.skip(f"no IPv6 loopback here: {error}")
    with served:
        assert served.url.startswith("http://[::1]:")
        assert fetch(ask_url(served, "prompt basics"))[0] == 200


@pytest.mark.parametrize("bad", [{"ask": "not a function"}, {"port": 70000}, {"port": "80"},
                                 {"passages": [("only", "three", "fields")]}, {"passages": CORPUS[0]},
                                 {"passages": None}, {"site": "javascript:alert(1)"}])
def test_bad_arguments_are_explained(bad):
    arguments = {"ask": scripted_ask, "passages": CORPUS, **bad}
    with pytest.raises(ValueError):
        ask_page.serve(arguments.pop("ask"), arguments.pop("passages"), **arguments)


def test_the_form_page_has_one_text_field_and_sends_no_script(page):
    status, body, headers = fetch(page.url)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    links = Links(body)
    assert links.tags.count("input") == 1 and "form" in links.tags and "script" not in links.tags
    assert 'name=q' in body and "maxlength=1000" in body
    assert "default-src 'none'" in headers["Content-Security-Policy"] and "script-src" not in \
        headers["Content-Security-Policy"], "no script may run on the page"


def test_an_answer_shows_its_citations_as_links_to_their_passages(page):
    status, body, _ = fetch(ask_url(page, "How should I start with prompts?"))
    assert status == 200
    hrefs = Links(body).hrefs
    for passage in CITED:
        href = "/passages/" + urllib.parse.quote(passage.id, safe="")
        assert hrefs.count(href) == 2, "once in the text, once in the list of sources"
        status, passage_page, _ = fetch(page.url.rstrip("/") + href)
        assert status == 200
        assert f"<h2>{html_text(passage.title)}</h2>" in passage_page
        first_line = passage.text.strip().splitlines()[0].strip()
        assert html_text(first_line) in passage_page
        assert f'href="{html_text(urllib.parse.urljoin("http://127.0.0.1:8000/", passage.url))}"' in passage_page
    assert "abstained" not in body


def test_an_abstention_is_shown_as_one_with_its_reason(page):
    status, body, _ = fetch(ask_url(page, "What is the capital of Peru?"))
    assert status == 200
    assert "No answer: the pipeline abstained" in body and html_text(ABSTAIN_REASON) in body
    assert "<h2>Answer</h2>" not in body and "/passages/" not in body


def test_post_asks_too(page):
    status, body, _ = fetch(page.url, data=urllib.parse.urlencode({"q": "prompt basics"}).encode(),
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and "/passages/" in body


HOSTILE = '<script>window.pwned=1</script> "quoted" \'single\' <a href="javascript:alert(1)">click</a> ' \
          'javascript:alert(2) <img src=x onerror="window.pwned=3">'


def hostile_ask(question: str) -> dict:
    return {"answer": HOSTILE + " [evil#x] [" + question + "]", "abstained": False, "reason": HOSTILE,
            "citations": ["evil#x", 'x"><script>alert(1)</script>', "javascript:alert(1)", "lesson#danger"]}


HOSTILE_TEXT = f"{HOSTILE}\n\n- {HOSTILE}\n- two\n\n```html\n{HOSTILE}\n```\n\n| {HOSTILE} |\n\n    {HOSTILE}"
HOSTILE_CORPUS = CORPUS[:3] + [Passage(id="lesson#danger", lesson="<b>lesson</b>", title=HOSTILE,
                                       text=HOSTILE_TEXT, section="s", url="javascript:alert(4)")]


def test_every_string_from_the_question_the_model_and_the_corpus_is_inert_text():
    question = '"><script>alert(5)</script><a href="javascript:alert(6)">'
    with ask_page.serve(hostile_ask, HOSTILE_CORPUS) as served:
        pages = [fetch(ask_url(served, question))[1],
                 fetch(served.url + "passages/" + urllib.parse.quote("lesson#danger", safe=""))[1],
                 fetch(served.url + "passages/" + urllib.parse.quote('<script>alert(7)</script>', safe=""))[1]]
        aborted = hostile_ask(question) | {"abstained": True}
        with ask_page.serve(lambda q: aborted, HOSTILE_CORPUS) as abstaining:
            pages.append(fetch(ask_url(abstaining, question))[1])
    for body in pages:
        links = Links(body)
        assert "script" not in links.tags and "img" not in links.tags and links.handlers == []
        assert all(h.startswith("/") or h.startswith("http://127.0.0.1:8000/") or h == "data:,"
                   for h in links.hrefs), links.hrefs
        assert not any("javascript" in h.lower() or "alert" in h or "script" in h for h in links.hrefs)
    answer, passage, missing, abstained = pages
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in answer and "&quot;quoted&quot;" in answer
    assert html_text(question) in answer, "the question is shown, as text"
    assert Links(answer).hrefs.count("/passages/lesson%23danger") == 1, "only the corpus's passage is a link"
    assert "evil#x" in answer and "/passages/evil" not in answer
    assert passage.count("&lt;script&gt;window.pwned=1&lt;/script&gt;") == 7, \
        "<title>, heading, paragraph, list item, fenced code, table, indented code"
    assert "javascript:alert(4)" in passage
    assert "&lt;b&gt;lesson&lt;/b&gt;" in passage
    assert "&lt;script&gt;alert(7)&lt;/script&gt;" in missing
    assert "No answer: the pipeline abstained" in abstained and "&lt;img src=x" in abstained


def test_an_unknown_passage_and_an_unknown_page_are_404(page):
    status, body, _ = fetch(page.url + "passages/" + urllib.parse.quote("no_lesson#nothing", safe=""))
    assert status == 404 and "No passage has the id <code>no_lesson#nothing</code>" in body
    assert fetch(page.url + "admin")[0] == 404
    assert fetch(page.url + "passages/")[0] == 404


def test_a_question_over_1000_characters_is_refused_with_a_message(page):
    assert fetch(ask_url(page, "prompt " + "x" * 993))[0] == 200  # exactly 1000
    status, body, _ = fetch(ask_url(page, "prompt " + "x" * 994))
    assert status == 400 and "This question has 1001 characters; questions are limited to 1000" in body
    status, body, _ = fetch(ask_url(page, "é" * 1001))  # characters, not bytes
    assert status == 400 and "1001 characters" in body
    assert fetch(ask_url(page, "é" * 1000))[0] == 200
    status, body, _ = fetch(ask_url(page, "   "))
    assert status == 400 and "Type a question first" in body


def test_requests_and_forms_over_the_size_limits_are_refused(page):
    status, body, _ = fetch(ask_url(page, "x" * 20_000))
    assert status == 414 and "limited to 1000 characters" in body
    status, body, _ = fetch(page.url, data=b"q=" + b"x" * 20_000,
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413 and "limited to 1000 characters" in body
    status, body, _ = fetch(page.url, data=json.dumps({"q": "prompt"}).encode(),
                            headers={"Content-Type": "application/json"})
    assert status == 415
    assert fetch(page.url)[0] == 200, "the page still serves"


def test_an_ask_that_raises_gives_a_500_page_naming_the_exception_and_the_page_carries_on():
    def failing(question):
        if "fail" in question:
            raise KeyError("the-secret-key-of-the-index")
        return scripted_ask(question)

    with ask_page.serve(failing, CORPUS) as served:
        status, body, _ = fetch(ask_url(served, "please fail"))
        assert status == 500 and "<code>KeyError</code>" in body
        assert "Traceback" not in body and "the-secret-key" not in body
        assert [(q, type(e).__name__) for q, e in served.errors] == [("please fail", "KeyError")]
        assert fetch(ask_url(served, "prompt basics"))[0] == 200


def test_an_ask_that_returns_no_answer_dict_gives_a_500_page():
    with ask_page.serve(lambda q: "just text", CORPUS) as served:
        status, body, _ = fetch(ask_url(served, "prompt"))
    assert status == 500 and "not an answer dict" in body


def test_ask_is_called_for_one_question_at_a_time():
    running, most = [0], [0]
    guard = threading.Lock()

    def slow(question):
        with guard:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.2)
        with guard:
            running[0] -= 1
        return scripted_ask(question)

    with ask_page.serve(slow, CORPUS) as served:
        threads = [threading.Thread(target=fetch, args=(ask_url(served, f"prompt {i}"),)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert most[0] == 1


# -- in headless Chromium ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if BINARY is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install -y chromium; .ci/run installs it)")
    from ..site.chromium import Chromium
    chrome = Chromium(width=1280, height=900)
    yield chrome
    chrome.close()


def wait_for(browser, expression: str, seconds: float = 20):
    """Wait until `expression` is truthy in the page; a page that is still loading is waited for."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = browser.evaluate(f"!!({expression})")
        except RuntimeError:  # the page navigated while we asked
            value = None
        if value:
            return
        time.sleep(0.1)
    raise AssertionError(f"never true: {expression}")


def type_and_submit(browser, question: str) -> None:
    browser.evaluate("document.querySelector('#q').focus()")
    browser.call("Input.insertText", text=question)
    browser.evaluate("document.querySelector('#ask button[type=submit]').click()")


def test_in_chromium_a_question_gets_an_answer_whose_citations_open_their_passages_and_an_abstention(browser):
    with ask_page.serve(scripted_ask, CORPUS) as served:
        visit = browser.visit(served.url)
        assert browser.evaluate("document.activeElement.id") == "q"
        type_and_submit(browser, "How do I write my first prompt?")
        wait_for(browser, "document.querySelector('#answer')")
        assert browser.evaluate("document.querySelector('.question').textContent") == \
            "How do I write my first prompt?"
        assert browser.evaluate("document.querySelector('#q').value") == "How do I write my first prompt?"
        titles = browser.evaluate("[...document.querySelectorAll('a.citation')].map(a => a.textContent)")
        assert titles == [p.title for p in CITED]
        assert browser.evaluate("document.querySelector('#abstention')") is None

        browser.evaluate("document.querySelectorAll('a.citation')[1].click()")
        wait_for(browser, "document.querySelector('#passage')")
        assert browser.evaluate("decodeURIComponent(location.pathname)") == f"/passages/{CITED[1].id}"
        assert browser.evaluate("document.querySelector('#passage h2').textContent") == CITED[1].title
        shown = browser.evaluate("document.querySelector('.passage-text').innerText")
        words = [w for w in CITED[1].text.split() if w not in ("-", "*")]  # list markers become bullets
        assert shown.split() == words, "every word of the passage, lines re-flowed"
        assert browser.evaluate("document.querySelectorAll('.passage-text p').length") > 1
        assert browser.evaluate("document.querySelectorAll('.passage-text li').length") == \
            sum(line.startswith("- ") for line in CITED[1].text.splitlines())
        site_link = browser.evaluate("document.querySelector('a.site-link').href")
        assert site_link == urllib.parse.urljoin("http://127.0.0.1:8000/", CITED[1].url)

        browser.visit(served.url)
        type_and_submit(browser, "What is the capital of Peru?")
        wait_for(browser, "document.querySelector('#abstention')")
        box = browser.evaluate("document.querySelector('#abstention').innerText")
        assert "No answer: the pipeline abstained" in box and ABSTAIN_REASON in box
        assert browser.evaluate("document.querySelectorAll('a.citation').length") == 0
        visit = browser.read(served.url)
        assert visit.errors == [], visit.errors
        assert [u for u in visit.requests if not u.startswith((served.url, "data:"))] == [], "nothing leaves the page"


def test_in_chromium_hostile_text_runs_nothing(browser):
    with ask_page.serve(hostile_ask, HOSTILE_CORPUS) as served:
        browser.visit(served.url)
        type_and_submit(browser, '<img src=x onerror="window.pwned=9">')
        wait_for(browser, "document.querySelector('#answer')")
        time.sleep(0.3)
        assert browser.evaluate("typeof window.pwned") == "undefined"
        assert "<script>window.pwned=1</script>" in browser.evaluate("document.querySelector('#answer').textContent")
        assert browser.evaluate("document.querySelectorAll('#result img, #result script').length") == 0


def test_in_chromium_the_capstones_reference_pipeline_answers_with_a_working_citation_and_abstains(browser):
    """The page in front of the product itself: solutions/capstone_product.py's ask_course over the real
    corpus, with the final check's stand-in model (the embedded one is not needed to test the page)."""
    from llmcourse.graders.capstone_product import MODEL, CourseStandIn

    from ..mutation.solution import define, load

    ask_course = define(*load("capstone_product", "ask_course"), "ask_course")
    by_id = {p.id: p for p in CORPUS}

    def ask(question: str) -> dict:
        return ask_course([question], CourseStandIn(), MODEL, CORPUS)[0]

    with ask_page.serve(ask, CORPUS) as served:
        browser.visit(served.url)
        type_and_submit(browser, "How does reciprocal rank fusion combine a keyword ranking with a dense one?")
        wait_for(browser, "document.querySelector('#answer')")
        cited = browser.evaluate("[...document.querySelectorAll('a.citation')].map(a => decodeURIComponent("
                                 "new URL(a.href).pathname))")
        expected = ask("How does reciprocal rank fusion combine a keyword ranking with a dense one?")["citations"]
        assert expected and set(cited) == {f"/passages/{c}" for c in expected}, cited
        assert all(c in by_id for c in expected), "only passages the corpus holds are cited"
        assert "a-section-that-does-not-exist" not in browser.evaluate("document.body.innerText"), \
            "the stand-in's made-up citation was dropped"
        browser.evaluate("document.querySelector('a.citation').click()")
        wait_for(browser, "document.querySelector('#passage')")
        assert browser.evaluate("document.querySelector('#passage h2').textContent") == by_id[expected[0]].title

        browser.visit(served.url)
        type_and_submit(browser, "What is a good recipe for sourdough bread?")
        wait_for(browser, "document.querySelector('#abstention')")
        assert "low_score" in browser.evaluate("document.querySelector('#abstention').innerText")
        assert browser.evaluate("document.querySelectorAll('a.citation').length") == 0
