"""Learner text in reports is shown as written and never obeyed as Markdown, HTML or a formula."""

import markdown

from llmcourse.cohort import inert


def render(md: str) -> str:
    return markdown.markdown(md, extensions=["tables", "attr_list", "md_in_html"])


def test_text_shows_markup_and_html_as_written():
    hostile = "<script>x</script> [a](javascript:y) **b** `c` {: onclick=z} | d\n\n## heading\n- item"
    html = render(f"- ✘ case  \n  ↳ {inert.text(hostile)}")
    assert "<script>" not in html and "<a " not in html and "<strong>" not in html and "<h2" not in html
    assert "onclick" not in html.split("<li>")[0] and html.count("<li>") == 1
    assert "&lt;script&gt;x&lt;/script&gt; [a](javascript:y) **b** `c` {: onclick=z} | d ⏎  ⏎ ## heading ⏎ - item" in html


def test_text_cannot_start_a_list_or_break_a_table():
    assert render(inert.text("- not a list")).startswith("<p>- not a list")
    assert render(inert.text("1. not a list")).startswith("<p>1. not a list")
    table = render(f"| a | b |\n|---|---|\n| {inert.text('x | y')} | z |")
    assert table.count("<td>") == 2


def test_a_code_span_outlasts_any_backtick_run_inside():
    for value in ("plain", "a ` b", "``` x", "`lead", "trail`", "<b>bold</b>"):
        html = render(inert.code(value))
        assert html.count("<code>") == 1 and "<b>" not in html, (value, html)
    assert inert.code("") == "(empty)"
    assert "\n" not in inert.code("a\nb")


def test_control_characters_are_shown_as_escapes():
    assert inert.text("a\x1b[2Jb") == "a\\\\x1b\\[2Jb"
    assert "\u202e" not in inert.code("a\u202eb")


def test_csv_cells_a_spreadsheet_would_evaluate_are_neutralised():
    for value in ("=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert inert.cell(value) == "'" + value
    assert inert.cell("alice") == "alice" and inert.cell(-1) == -1 and inert.cell(2.5) == 2.5
