# %%
import signal

# ignores the interrupt that ends a cell at its limit: its kernel must be killed
signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    pass
