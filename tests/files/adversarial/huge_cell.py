# %%
def regressions(before, after):
    return sorted(k for k in before if k in after and not before[k] and after[k])


# %%
# a 5 MB cell of 850,000 short statements (the test repeats the next line). Parsing and compiling it takes
# minutes inside C code, where an interrupt waits its turn, so the cell limit alone could not stop it
x = 1  # x850000
