# %%
# café au lait, saved as Latin-1
def regressions(before, after):
    return []
