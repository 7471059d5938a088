"""Where the cohort struggles: pass rates per exercise and per case, common failures, a score plot."""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from pathlib import Path

from . import inert
from ..atomic import write_bytes, write_text


def _shape(message: str) -> str:
    """A failure message without the learner-specific values, so the same mistake groups together."""
    message = re.sub(r"got .*?(\. |$)", "got …\\1", message)
    return re.sub(r"\(at line \d+: `.*?`\)", "", message).strip()


def tables(results: list[dict]) -> dict:
    exercise = defaultdict(lambda: [0, 0])
    case = defaultdict(lambda: [0, 0])
    failures = Counter()
    for record in results:
        for report in record["reports"]:
            exercise[report.exercise_id][0] += report.passed
            exercise[report.exercise_id][1] += 1
            for r in report.results:
                case[(report.exercise_id, r.name)][0] += r.passed
                case[(report.exercise_id, r.name)][1] += 1
                if not r.passed:
                    failures[(report.exercise_id, r.name, _shape(r.message))] += 1
    scores = defaultdict(lambda: [0.0, 0])
    for record in results:
        for report in record["reports"]:
            scores[record["learner"]][0] += report.earned
            scores[record["learner"]][1] += report.points
    return {"exercise": exercise, "case": case, "failures": failures,
            "scores": {k: 100 * e / p if p else 0.0 for k, (e, p) in scores.items()}}


def plot(t: dict, path: Path) -> Path:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    left.hist(list(t["scores"].values()), bins=[i * 10 for i in range(11)], color="#3f51b5", edgecolor="white")
    left.set(title="Score distribution", xlabel="score (% of points submitted for)", ylabel="learners")
    names = sorted(t["exercise"])
    rates = [100 * t["exercise"][n][0] / t["exercise"][n][1] for n in names]
    right.barh(names, rates, color="#009688")
    right.set(title="Pass rate per exercise", xlabel="% of submissions passing every case", xlim=(0, 100))
    right.invert_yaxis()
    fig.tight_layout()
    image = io.BytesIO()
    fig.savefig(image, format="png", dpi=110)
    plt.close(fig)
    return write_bytes(path, image.getvalue())


def write(out: Path, results: list[dict], notes: list[str], similar: list[tuple]) -> Path:
    t = tables(results)
    plot(t, out / "summary.png")
    learners = sorted({r["learner"] for r in results})
    lines = ["# Cohort summary", "", f"{len(learners)} learners, {len(results)} graded notebooks.", "",
             "![score distribution and pass rates](summary.png)", "", "## Pass rate per exercise", "",
             "| exercise | passing | submissions | pass rate |", "|---|---:|---:|---:|"]
    for name, (ok, n) in sorted(t["exercise"].items()):
        lines.append(f"| `{name}` | {ok} | {n} | {100 * ok / n:.0f}% |")
    lines += ["", "## Pass rate per case (hardest first)", "", "| exercise | case | pass rate |", "|---|---|---:|"]
    for (ex, case), (ok, n) in sorted(t["case"].items(), key=lambda kv: (kv[1][0] / kv[1][1], kv[0])):
        lines.append(f"| `{ex}` | {inert.text(case)} | {100 * ok / n:.0f}% ({ok}/{n}) |")
    lines += ["", "## Most common failures", ""]
    for (ex, case, message), count in t["failures"].most_common(10):
        lines.append(f"- **{count}×** `{ex}`, {inert.text(case)}: {inert.text(message)}")
    lines += ["", "## Near-identical solutions", ""]
    if similar:
        lines += ["Pairs whose exercise code is near-identical once names, comments and layout are normalised. "
                  "A flag is a reason to look, not a verdict: short functions often converge.", "",
                  "| exercise | learner | learner | similarity |", "|---|---|---|---:|"]
        lines += [f"| `{ex}` | {inert.code(a)} | {inert.code(b)} | {score:.2f} |" for ex, a, b, score in similar]
    else:
        lines.append("No pair above the threshold.")
    if notes:
        lines += ["", "## Notes", ""] + [f"- {inert.text(n)}" for n in notes]
    write_text(out / "summary.md", "\n".join(lines) + "\n")
    return out / "summary.md"
