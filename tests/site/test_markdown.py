"""Executed notebooks become Material Markdown: code, text, tables, figures and errors."""

import base64

import nbformat

from llmcourse.site.markdown import convert

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\nfake").decode()


def test_cells_and_outputs_become_markdown_and_figure_files():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("## A heading\nSome prose."),
        nbformat.v4.new_code_cell("print('hi')", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="hi\n")]),
        nbformat.v4.new_code_cell("df", outputs=[
            nbformat.v4.new_output("execute_result", data={"text/html": "<table>\n<tr><td>1</td></tr></table>",
                                                           "text/plain": "1"}, execution_count=1)]),
        nbformat.v4.new_code_cell("plot()", outputs=[
            nbformat.v4.new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"})]),
        nbformat.v4.new_code_cell("1/0", outputs=[
            nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero",
                                   traceback=["\x1b[31mTraceback\x1b[0m", "ZeroDivisionError"])]),
    ])
    page = convert(nb, "demo")
    md = page.markdown
    assert "## A heading" in md and "```python\nprint('hi')\n```" in md and "```text\nhi\n```" in md
    assert '<div class="nb-output" markdown="0"><table> <tr><td>1</td></tr></table></div>' in md
    assert "![figure 1](demo-fig1.png)" in md and page.figures["demo-fig1.png"].startswith(b"\x89PNG")
    assert '!!! failure "ZeroDivisionError: division by zero"' in md and "\x1b[" not in md


def test_a_failing_lesson_stops_the_build_with_its_name_and_next_step(monkeypatch):
    import pytest
    from mkdocs.exceptions import PluginError

    from llmcourse.errors import CourseError
    from llmcourse.site import executed, hooks

    def broken(sources):
        raise CourseError("lesson demo.py failed: cell 3 (`1/0`) raised ZeroDivisionError", "fix it")

    monkeypatch.setattr(executed, "many", broken)
    with pytest.raises(PluginError, match="demo.py failed: cell 3"):
        hooks.on_files(None, None)


def test_dataframes_show_line_breaks_and_no_index_name_row():
    import pandas as pd
    frame = pd.DataFrame({"id": ["q1", "q2"], "reply": ["S1: 9.\nS2: 38.", "one line"]}).set_index("id")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("frame", outputs=[
        nbformat.v4.new_output("execute_result", data={"text/html": frame.to_html(), "text/plain": "x"},
                               execution_count=1)])])
    md = convert(nb, "demo").markdown
    assert "\\n" not in md and "S1: 9.<br>S2: 38." in md
    assert md.count("<tr") == 3, "one header row and two data rows: the index name sits in the corner"
    assert "<th>id</th> <th>reply</th>" in md
