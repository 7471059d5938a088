"""Applied LLMs, the hands-on course: lessons, graded exercises and the machinery behind them."""

__version__ = "0.1.0"
