"""Switching providers by environment, and clear errors when a provider is wrong or away."""

import http.server
import json
import socket
import threading

import openai
import pytest

from llmcourse import llm
from llmcourse.errors import CourseError

pytestmark = pytest.mark.usefixtures("live")


@pytest.fixture()
def fake_provider():
    """A loopback stand-in for a remote provider: 401 for the key 'bad', else a fixed answer."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _reply(self, code, body):
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self._reply(200, {"object": "list", "data": [{"id": "served-model", "object": "model",
                                                          "created": 0, "owned_by": "me"}]})

        def do_POST(self):
            self.rfile.read(int(self.headers["content-length"]))
            if self.headers.get("authorization") == "Bearer bad":
                return self._reply(401, {"error": {"message": "bad key", "type": "invalid_request_error"}})
            self._reply(200, {"id": "x", "object": "chat.completion", "created": 0, "model": "served-model",
                              "choices": [{"index": 0, "finish_reason": "stop",
                                           "message": {"role": "assistant", "content": "remote says hi"}}],
                              "usage": {"prompt_tokens": 3, "completion_tokens": 3, "total_tokens": 6}})

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/v1"
    httpd.shutdown()


def test_base_url_switches_to_that_provider_and_its_first_model(fake_provider, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_provider)
    monkeypatch.setenv("LLMCOURSE_CACHE", "off")
    from llmcourse.llm import connect as client_module
    client_module._first_served_model.cache_clear()
    assert llm.provider().name == "remote"
    assert llm.model_name() == "served-model"
    assert llm.chat("hello", llm=llm.client()) == "remote says hi"


def test_a_wrong_key_is_explained(fake_provider, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", fake_provider)
    monkeypatch.setenv("OPENAI_API_KEY", "bad")
    monkeypatch.setenv("LLMCOURSE_MODEL", "served-model")
    with pytest.raises(CourseError) as info:
        llm.chat("hello", llm=llm.client(cache=False))
    assert isinstance(info.value.__cause__, openai.AuthenticationError)
    problem = info.value
    assert "refused the API key" in problem.message and "unset OPENAI_API_KEY" in problem.next_step


def test_an_unreachable_provider_is_explained(monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("LLMCOURSE_MODEL", "any")
    with pytest.raises(CourseError) as info:
        llm.chat("hello", llm=llm.client(cache=False, timeout=5))
    assert isinstance(info.value.__cause__, openai.APIConnectionError)
    problem = info.value
    assert "could not connect" in problem.message and "OPENAI_BASE_URL" in problem.next_step


def test_model_status_reports_an_unreachable_provider(monkeypatch, capsys):
    from llmcourse.cli import main
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    assert main(["model", "status"]) == 1
    assert "unreachable" in capsys.readouterr().out


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_only_an_api_key_and_no_network_never_blames_the_base_url(monkeypatch, capsys):
    """With OPENAI_API_KEY alone the course asks OpenAI; offline, that is what the learner is told."""
    from llmcourse.cli import main
    from llmcourse.llm import connect
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("LLMCOURSE_MODEL", "gpt-4o-mini")
    # api.openai.com stands in as a closed loopback port: the tests never leave the machine
    unreachable = openai.OpenAI(base_url=f"http://127.0.0.1:{_closed_port()}/v1", api_key="sk-test", max_retries=0)
    monkeypatch.setattr(connect, "client", lambda **_: unreachable)
    assert main(["model", "status"]) == 1
    out = capsys.readouterr().out
    assert "OpenAI API" in out and "unset OPENAI_API_KEY" in out
    assert "OPENAI_BASE_URL is running" not in out and "server at OPENAI_BASE_URL" not in out

    with pytest.raises(CourseError) as info:
        llm.chat("hello", llm=unreachable)
    assert "api.openai.com" in info.value.message and "OPENAI_BASE_URL" not in info.value.next_step
