# %%
import signal

# ignores the interrupt that ends a cell at its limit, so only the whole-notebook limit can stop it
signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    pass
