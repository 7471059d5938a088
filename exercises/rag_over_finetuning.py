# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# Generated from solutions/rag_over_finetuning.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercise: a per-tenant index that forgets what it should
#
# One function, graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import re

from llmcourse.notebook import check, hint

# %% [markdown]
# ## A per-tenant search over a log of updates
#
# With RAG, knowledge changes by changing documents. The index must then get two things exactly right:
# a document that was deleted or replaced is never returned with its old text, and one tenant (one
# customer of your product) never sees another tenant's documents, even when both use the same ids.
#
# Write `tenant_search(events, tenant, query, k=3)`:
#
# - `events` is the index's history, applied in order. Each event is a tuple:
#   `("add", tenant, doc_id, text)` stores the document, replacing any document with the same id *in
#   that tenant*; `("delete", tenant, doc_id)` removes it from that tenant (deleting a document that is
#   not there does nothing). Any other action raises `ValueError`.
# - A document is identified by the pair (tenant, doc_id): the same id in two tenants is two documents.
# - Search only `tenant`'s documents as they stand after the last event. A tenant with no documents,
#   or one never mentioned, gives `[]`.
# - Terms are the lower-case runs of letters and digits (`re.findall(r"[a-z0-9]+", text.lower())`),
#   for the query and the documents alike.
# - A document's score is the number of *distinct* query terms that occur in its current text.
#   Return the ids of documents scoring at least 1, highest score first, ties by id ascending, at most
#   k of them. Raise `ValueError` if k < 1.

# %%
def tenant_search(events: list[tuple], tenant: str, query: str, k: int = 3) -> list[str]:
    """Ids of `tenant`'s current documents sharing the most distinct terms with `query`, ties by id."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("rag_over_finetuning.tenant_search", tenant_search)

