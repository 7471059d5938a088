"""Search over the course's own passages: BM25, a dense stand-in (LSA) and their fusion.

Defined for the lesson `capstone_retrieval`, which measures the three on the capstone's eval set; the
capstone's later steps retrieve with the same object. Every method returns (passage id, score) pairs,
best first, so the caller sees how strong the evidence is, not only where it ranks (the lesson's
exercises ask for other things: checking an eval set, mean recall@k, choosing a retriever).

- `tokenize`: lower-case runs of letters and digits, English stop words (scikit-learn's list) dropped.
- BM25: `helpers.scifact.BM25Index` (k1 = 1.5, b = 0.75, rank_bm25's idf) over title + text.
- dense: latent semantic analysis, TF-IDF over the same tokens reduced by a truncated SVD, cosine
  similarity; an offline stand-in for an embedding model, as in the lesson `rag_keyword_search`.
- hybrid: reciprocal rank fusion (k = 60) of the two rankings, `helpers.retrieval.fused`.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

from .retrieval import fused
from .scifact import BM25Index


def tokenize(text: str) -> list[str]:
    """Lower-case alphanumeric runs, without English stop words: 'What is RRF?' -> ['rrf']."""
    return [t for t in re.findall(r"[a-z0-9]+", text.lower()) if t not in ENGLISH_STOP_WORDS]


def _text(passage) -> str:
    return f"{passage.title}\n{passage.text}"


class CourseSearch:
    """BM25, LSA and RRF-hybrid search over passages (anything with .id, .title and .text)."""

    def __init__(self, passages: Sequence, dims: int = 100, seed: int = 0, depth: int = 50):
        if not passages:
            raise ValueError("no passages to search")
        self.ids = [p.id for p in passages]
        if len(set(self.ids)) != len(self.ids):
            raise ValueError("passage ids must be unique")
        texts = [_text(p) for p in passages]
        self.index = BM25Index([tokenize(t) for t in texts])
        self.tfidf = TfidfVectorizer(tokenizer=tokenize, token_pattern=None, lowercase=False, sublinear_tf=True)
        matrix = self.tfidf.fit_transform(texts)
        self.svd = TruncatedSVD(n_components=min(dims, matrix.shape[1] - 1, len(texts) - 1), random_state=seed)
        self.vectors = normalize(self.svd.fit_transform(matrix))
        self.depth = depth  # how far down each leg the hybrid looks

    def _top(self, scores: np.ndarray, n: int, positive_only: bool) -> list[tuple[str, float]]:
        order = np.argsort(-scores, kind="stable")[:n]  # ties keep corpus order
        return [(self.ids[i], float(scores[i])) for i in order if scores[i] > 0 or not positive_only]

    def bm25(self, question: str, n: int = 10) -> list[tuple[str, float]]:
        """The n best passages by BM25 score; a passage sharing no term with the question is left out."""
        return self._top(self.index.scores(tokenize(question)), n, positive_only=True)

    def dense(self, question: str, n: int = 10) -> list[tuple[str, float]]:
        """The n passages nearest the question in the LSA space, by cosine similarity."""
        query = normalize(self.svd.transform(self.tfidf.transform([question])))[0]
        return self._top(self.vectors @ query, n, positive_only=False)

    def hybrid(self, question: str, n: int = 10) -> list[tuple[str, float]]:
        """Reciprocal rank fusion (k = 60) of the top `depth` of BM25 and of LSA; scores are the fused sums."""
        legs = [[pid for pid, _ in self.bm25(question, self.depth)],
                [pid for pid, _ in self.dense(question, self.depth)]]
        return [(pid, float(score)) for pid, score in fused(legs)[:n]]
