# %%
import sys
for _ in range(20):
    sys.stdout.write("x" * 2**20)

# %%
def regressions(before, after):
    return sorted(i for i in before.keys() & after.keys() if not before[i] and after[i])
