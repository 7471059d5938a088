"""The capstone's web page: a person asks a question and sees the answer with its citations.

`serve(ask, passages)` starts a small web server on loopback, in a background thread, and returns at
once; `ask(question)` is your pipeline, returning the answer dict of the capstone:
{"answer": str, "citations": [passage ids], "abstained": bool, "reason": str}. From a notebook:

    from llmcourse.helpers import ask_page, course_corpus

    page = ask_page.serve(ask, course_corpus.passages())
    print(page.url)   # open it in a browser on the machine that runs the kernel
    ...               # ask questions in the browser; page.errors keeps what ask() raised
    page.close()      # when you are done; the page serves until then, across cells

(In a script or a test, `with ask_page.serve(ask, passages) as page:` closes it at the end of the block.)

The page shows the answer, each citation as a link to the cited passage (`/passages/<id>`, with a link
on to the lesson's section on the course site, `llmcourse serve`'s http://127.0.0.1:8000/ unless you
pass `site=`), and an abstention as an abstention, with its reason. Everything the question, the model
or the corpus wrote is shown as text: an answer holding `<script>` or a `javascript:` link shows those
characters and runs nothing (the page also sends a Content-Security-Policy that allows no script at
all). A citation the corpus does not hold is shown without a link. Questions are limited to 1000
characters; ask() is called for one question at a time, and if it raises, the page says which exception
(its class name only; `page.errors` keeps the exceptions, so `traceback.print_exception(page.errors[-1][1])`
shows the last one in full). Loopback only: any other host is refused.
"""

from __future__ import annotations

import html
import http.server
import ipaddress
import re
import socket
import socketserver
import threading
import time
import urllib.parse
from typing import Any, Callable, Iterable

MAX_QUESTION = 1000          # characters
MAX_REQUEST_LINE = 16_384    # bytes: a 1000-character question, percent-encoded, fits
MAX_BODY = 16_384            # bytes of a POSTed form
KEPT_ERRORS = 20

_CITATION = re.compile(r"\[([A-Za-z0-9_]+#[A-Za-z0-9_-]+)\]")

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #fafafa; color: #1b1b1b; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 a { color: inherit; text-decoration: none; }
form { display: flex; gap: .5rem; margin: 1rem 0 2rem; }
input[type=text] { flex: 1; font: inherit; padding: .5rem; }
button { font: inherit; padding: .5rem 1rem; }
.answer-text, .keep { white-space: pre-wrap; overflow-wrap: anywhere; }
.passage-text { overflow-wrap: anywhere; }
.keep { margin: 1em 0; }
.abstention { border-left: 4px solid #b26a00; background: #fff4e0; padding: .5rem 1rem; }
.error { border-left: 4px solid #b00020; background: #fde7ea; padding: .5rem 1rem; }
.meta { color: #555; font-size: .9rem; }
"""

_HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    # nothing on these pages is a script, so none may run, whatever slipped into an answer
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # a question in the address stays here when a link is followed
    "Cache-Control": "no-store",
}


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _passage_href(passage_id: str) -> str:
    return "/passages/" + urllib.parse.quote(passage_id, safe="")


class _Passage:
    __slots__ = ("id", "lesson", "title", "text", "section", "url")

    def __init__(self, item: Any):
        fields = _Passage.__slots__
        if all(hasattr(item, f) for f in fields):
            values = [getattr(item, f) for f in fields]
        elif isinstance(item, (tuple, list)) and len(item) == len(fields):
            values = list(item)
        else:
            raise ValueError(f"a passage must be a Passage(id, lesson, title, text, section, url) or a tuple of "
                             f"those six fields, not {type(item).__name__}")
        for name, value in zip(fields, values):
            setattr(self, name, "" if value is None else str(value))


class AskPage:
    """A running page: `.url` to open, `.close()` to stop it (also a context manager). `.errors` holds the
    last exceptions ask() raised, as (question, exception) pairs, newest last."""

    def __init__(self, server: http.server.ThreadingHTTPServer, host: str, errors: list):
        self._server = server
        port = server.server_address[1]
        self.url = f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"
        self.errors: list[tuple[str, BaseException]] = errors
        self._thread = threading.Thread(target=server.serve_forever, name="ask_page", daemon=True)
        self._thread.start()
        self._closed = False

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=10)

    def __enter__(self) -> "AskPage":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<AskPage {self.url}{' (closed)' if self._closed else ''}>"


def serve(ask: Callable[[str], dict], passages: Iterable, host: str = "127.0.0.1", port: int = 0, *,
          site: str = "http://127.0.0.1:8000/") -> AskPage:
    """Serve the page on http://HOST:PORT/ (port 0: a free one) until `.close()`; see the module's text."""
    if not callable(ask):
        raise ValueError(f"ask must be a function of the question, not {type(ask).__name__}")
    bind = _loopback(host)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
        raise ValueError(f"port must be a whole number from 0 to 65535, not {port!r}")
    if not isinstance(site, str) or urllib.parse.urlsplit(site).scheme not in ("http", "https"):
        raise ValueError(f"site must be the course site's http(s) address, not {site!r}")
    one_passage = hasattr(passages, "id") and hasattr(passages, "text")
    if passages is None or isinstance(passages, (str, bytes)) or one_passage or not hasattr(passages, "__iter__"):
        raise ValueError(f"passages must be a list of passages (course_corpus.passages()), not "
                         f"{type(passages).__name__}")
    corpus: dict[str, _Passage] = {}
    for item in passages:
        passage = _Passage(item)
        corpus.setdefault(passage.id, passage)

    errors: list[tuple[str, BaseException]] = []

    class Handler(_Handler):
        state = _State(ask, corpus, site, errors)

    server = (_Server6 if ":" in bind else _Server)((bind, port), Handler)
    return AskPage(server, bind, errors)


class _State:
    """What every request of one page shares; ask() is called under `lock`, one question at a time, since a
    pipeline with a cache and a ledger is rarely written for threads."""

    def __init__(self, ask: Callable[[str], Any], corpus: dict, site: str, errors: list):
        self.ask, self.corpus, self.site, self.errors = ask, corpus, site, errors
        self.lock = threading.Lock()


def _loopback(host: Any) -> str:
    """The address to bind: `host` itself when it is a loopback address, 127.0.0.1 for "localhost"."""
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
    except (ValueError, TypeError):
        raise ValueError(f"the ask page serves on loopback only (127.0.0.1, ::1 or localhost), not {host!r}") \
            from None
    if not address.is_loopback:
        raise ValueError(f"the ask page serves on loopback only (127.0.0.1, ::1 or localhost), not {host!r}: "
                         "anyone on the network could use your model and read your pipeline's answers")
    return str(address)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def server_bind(self) -> None:
        # HTTPServer's own also looks up the host's full name, which can wait on DNS; loopback needs none
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def handle_error(self, request, client_address) -> None:
        pass  # a client that hangs up or times out is its own business, not the notebook's


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(http.server.BaseHTTPRequestHandler):
    state: _State
    timeout = 30  # seconds a client may take to send its request
    server_version = "llmcourse-ask-page"
    sys_version = ""

    # -- HTTP ---------------------------------------------------------------------------------------------------

    def parse_request(self) -> bool:
        if len(self.raw_requestline) > MAX_REQUEST_LINE:
            self.requestline, self.command, self.request_version = "", "GET", "HTTP/1.0"
            self._page(414, "Request too long", f"<p class=error>This request is too long. Questions are limited "
                                                f"to {MAX_QUESTION} characters.</p>" + self._form(""))
            return False
        return super().parse_request()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # the standard error page echoes parts of the request; this one shows only the status
        self._page(code, _e(message or self.responses.get(code, ("Error",))[0]),
                   f"<p class=error>{_e(code)}: {_e(message or self.responses.get(code, ('',))[0])}</p>")

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass  # a notebook's output is no place for an access log

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if path == "/":
            values = urllib.parse.parse_qs(query, keep_blank_values=True).get("q")
            if values is None:
                self._page(200, "Ask the course", self._form(""))
            else:
                self._answer(values[0])
        elif path.startswith("/passages/"):
            self._passage(urllib.parse.unquote(path[len("/passages/"):]))
        else:
            self._page(404, "Not found", "<p class=error>There is no page here.</p><p><a href=\"/\">Ask a "
                                         "question</a></p>")

    def do_POST(self) -> None:
        if self.path.partition("?")[0] != "/":
            self._page(404, "Not found", "<p class=error>There is no page here.</p>")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self._page(400, "Bad request", "<p class=error>The form's length is not a number.</p>")
            return
        if length > MAX_BODY:
            self.close_connection = True
            self._page(413, "Question too long", f"<p class=error>This form is too long ({length} bytes). "
                                                 f"Questions are limited to {MAX_QUESTION} characters.</p>"
                       + self._form(""))
            return
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind not in ("", "application/x-www-form-urlencoded"):
            self._page(415, "Unsupported form", "<p class=error>Send the question as a form field named q "
                                                "(application/x-www-form-urlencoded).</p>")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        self._answer(urllib.parse.parse_qs(body, keep_blank_values=True).get("q", [""])[0])

    # -- pages --------------------------------------------------------------------------------------------------

    def _page(self, status: int, title: str, body: str) -> None:
        """`title` and `body` are HTML already escaped by the caller."""
        data = (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title} · Ask the course</title>"
                "<meta name=viewport content=\"width=device-width, initial-scale=1\"><link rel=icon href=\"data:,\">"
                f"<style>{_STYLE}</style></head><body><main><h1><a href=\"/\">Ask the course</a></h1>{body}"
                "</main></body></html>").encode("utf-8")
        self.send_response(status)
        for name, value in _HEADERS.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _form(self, question: str) -> str:
        return ("<form method=get action=\"/\" id=ask><label for=q class=meta>Your question</label>"
                f"<input type=text id=q name=q maxlength={MAX_QUESTION} value=\"{_e(question)}\" autofocus>"
                "<button type=submit>Ask</button></form>")

    def _answer(self, question: str) -> None:
        if len(question) > MAX_QUESTION:
            self._page(400, "Question too long", f"<p class=error>This question has {len(question)} characters; "
                                                 f"questions are limited to {MAX_QUESTION}. Shorten it and ask "
                                                 "again.</p>" + self._form(question[:MAX_QUESTION]))
            return
        if not question.strip():
            self._page(400, "No question", "<p class=error>Type a question first.</p>" + self._form(""))
            return
        start = time.perf_counter()
        try:
            with self.state.lock:
                result = self.state.ask(question)
        except Exception as exc:  # noqa: BLE001 - whatever the pipeline raises, the page says so and carries on
            self.state.errors.append((question, exc))
            del self.state.errors[:-KEPT_ERRORS]
            self._page(500, "The pipeline failed", f"<p class=error>The pipeline raised <code>{_e(type(exc).__name__)}"
                                                   "</code> for this question; the traceback is in the notebook, "
                                                   "in <code>page.errors</code>.</p>" + self._form(question))
            return
        seconds = time.perf_counter() - start
        if not isinstance(result, dict):
            self._page(500, "Not an answer", f"<p class=error>ask() returned a <code>{_e(type(result).__name__)}"
                                             "</code>, not an answer dict (answer, citations, abstained, reason)."
                                             "</p>" + self._form(question))
            return
        self._page(200, "Answer", self._form(question) + self._result(question, result, seconds))

    def _result(self, question: str, result: dict, seconds: float) -> str:
        answer = result.get("answer")
        answer = "" if answer is None else str(answer)
        reason = result.get("reason")
        reason = "" if reason is None else str(reason)
        citations = result.get("citations") or []
        if isinstance(citations, str) or not isinstance(citations, (list, tuple)):
            citations = [citations]
        out = [f"<section id=result><p class=meta>You asked: <q class=question>{_e(question)}</q></p>"]
        if result.get("abstained"):
            out.append("<div class=abstention id=abstention><h2>No answer: the pipeline abstained</h2>"
                       f"<p>Reason: <span class=reason>{_e(reason) if reason else 'none given'}</span></p>")
            if answer.strip():
                out.append(f"<p class=meta>What it wrote:</p><div class=answer-text>{self._linked(answer)}</div>")
            out.append("</div>")
        else:
            out.append(f"<h2>Answer</h2><div class=answer-text id=answer>{self._linked(answer)}</div>")
        if citations:
            out.append("<h3>Sources</h3><ol class=citations id=citations>")
            for cited in citations:
                passage = self.state.corpus.get(cited) if isinstance(cited, str) else None
                if passage is None:
                    out.append(f"<li class=unknown><code>{_e(cited)}</code> (not a passage of the corpus: "
                               "nothing to open)</li>")
                else:
                    out.append(f"<li><a class=citation href=\"{_e(_passage_href(passage.id))}\">{_e(passage.title)}"
                               f"</a> <code class=meta>{_e(passage.id)}</code></li>")
            out.append("</ol>")
        elif not result.get("abstained"):
            out.append("<p class=meta>This answer cites nothing.</p>")
        out.append(f"<p class=meta>Answered in {seconds:.2f} s.</p></section>")
        return "".join(out)

    def _linked(self, text: str) -> str:
        """The answer's text, escaped, with each `[LESSON_ID#slug]` the corpus holds made a link to it."""
        out, last = [], 0
        for match in _CITATION.finditer(text):
            passage = self.state.corpus.get(match.group(1))
            if passage is None:
                continue
            out.append(_e(text[last:match.start()]))
            out.append(f"[<a class=inline-citation href=\"{_e(_passage_href(passage.id))}\">{_e(passage.id)}</a>]")
            last = match.end()
        out.append(_e(text[last:]))
        return "".join(out)

    def _passage(self, passage_id: str) -> None:
        passage = self.state.corpus.get(passage_id)
        if passage is None:
            self._page(404, "No such passage", f"<p class=error>No passage has the id <code>{_e(passage_id)}</code>."
                                               "</p><p><a href=\"/\">Ask a question</a></p>")
            return
        target = urllib.parse.urljoin(self.state.site, passage.url)
        if urllib.parse.urlsplit(target).scheme in ("http", "https") and passage.url:
            where = f"<a class=site-link href=\"{_e(target)}\">read it on the course site</a>"
        else:
            where = f"on the course site at <code>{_e(passage.url)}</code>"
        self._page(200, _e(passage.title),
                   f"<p><a href=\"/\">Ask another question</a></p><article id=passage><h2>{_e(passage.title)}</h2>"
                   f"<p class=meta>Passage <code>{_e(passage.id)}</code> of the lesson "
                   f"<code>{_e(passage.lesson)}</code>; {where}.</p>"
                   f"<div class=passage-text>{_paragraphs(passage.text)}</div></article>")


_ITEM = re.compile(r"\s*(?:[-*+]|\d+[.)])\s+")


def _paragraphs(markdown: str) -> str:
    """A passage's Markdown as escaped text: paragraphs and list items re-flowed, tables and code kept line
    by line. Emphasis and code marks stay as typed: the page shows text, it renders nothing."""
    out = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        lines = block.splitlines()
        code_or_table = any(line.lstrip().startswith(("```", "~~~", "|")) for line in lines)
        if code_or_table or all(line.startswith(("    ", "\t")) for line in lines):
            out.append(f"<div class=keep>{_e(block)}</div>")
            continue
        paragraph: list[str] = []
        items: list[list[str]] = []
        ordered = False
        for line in lines:
            marker = _ITEM.match(line)
            if marker:
                if not items:
                    ordered = marker.group().strip()[0].isdigit()
                items.append([line[marker.end():].strip()])
            elif items:
                items[-1].append(line.strip())
            else:
                paragraph.append(line.strip())
        if paragraph:
            out.append(f"<p>{_e(' '.join(paragraph))}</p>")
        if items:
            tag = "ol" if ordered else "ul"
            out.append(f"<{tag}>" + "".join(f"<li>{_e(' '.join(item))}</li>" for item in items) + f"</{tag}>")
    return "".join(out)
