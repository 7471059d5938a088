"""In Jupyter, `check()` shows its report once (no second copy as Out[n]), with readable text and HTML."""

import nbformat

from llmcourse import kernel


def test_check_shows_one_readable_report_per_call(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from llmcourse.notebook import check\n"
        "def recall_at_k(ranked, relevant, k):\n"
        "    raise NotImplementedError\n"
        "check('rag_keyword_search.recall_at_k', recall_at_k)")])
    result = kernel.run(nb, tmp_path, cell_timeout=120, total_timeout=180, env=kernel.kernel_env())
    outputs = result.nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["display_data"], outputs
    text, html = outputs[0].data["text/plain"], outputs[0].data["text/html"]
    assert text.startswith("NOT STARTED  rag_keyword_search.recall_at_k") and "Report(" not in text
    assert "replace the NotImplementedError in recall_at_k" in text
    assert "<code>NotImplementedError</code>" in html
