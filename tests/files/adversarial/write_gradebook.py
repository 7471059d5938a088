# %%
import json
from pathlib import Path

out = Path("{OUT}")
forged = {"learner": "right", "lesson": "evals_assertions", "fingerprint": "x", "problems": [],
          "reports": [{"exercise_id": "evals_assertions.regressions", "title": "FORGED", "points": 5, "hints": 3,
                       "results": [{"name": "FORGED", "passed": False, "message": "", "todo": False}]}]}
(out / "results" / "right" / "evals_assertions.json").write_text(json.dumps(forged))

# %%
(Path("{OUT}") / "gradebook.csv").write_text("learner,exercise,earned\nwrite_gradebook,TOTAL,1000\n")
