# %%
import sys
sys.exit(0)

# %%
def summary_failures(ticket, summary, min_words=5, max_words=25):
    raise NotImplementedError


def regressions(before, after):
    raise NotImplementedError
