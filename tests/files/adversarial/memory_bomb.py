# %%
blocks = []
while True:
    blocks.append(bytearray(256 * 2**20))

# %%
def regressions(before, after):
    return sorted(i for i in before.keys() & after.keys() if not before[i] and after[i])
