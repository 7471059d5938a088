"""What lessons import besides the model: shipped data and small helpers, each naming the lesson that
teaches it (the way d2l's saved helpers point back to their section).

| module | what | taught in |
|---|---|---|
| `shipped` | `load` / `path` of the data files under `llmcourse/data/LESSON_ID/` | every lesson |
| `stdlib_docs` | an offline retrieval corpus built from the standard library's docstrings | `rag_keyword_search` |
| `retrieval` | per-query retrieval metrics and reciprocal-rank-fused scores | `rag_keyword_search` |
| `scifact` | BEIR SciFact (abstracts, test claims, judgments) and a fast BM25 that scores as `rank_bm25` does | `rag_retrieval_quality` |
| `agreement` | Krippendorff's alpha | `evals_binary_annotation` |
| `codejail` | `run_jailed`: model-written code run in a jail of its own (no network, nothing writable outside its folder) | `workflows_multiturn_flows` |
| `course_corpus` | the course's lessons as passages with ids that are site anchors | `capstone_retrieval` |
| `ask_page` | `serve(ask, passages)`: the capstone's web page on loopback, an answer with citation links and abstentions | `capstone_product` |
| `hitl` | a simulated week of accept, edit and dismiss events on suggestions, with its stated assumptions | `product_human_in_the_loop` |

Nothing here may pass an exercise for a learner (tests/test_no_answer_keys.py): where a lesson needs
the function an exercise asks for, the helper returns another shape.
"""
