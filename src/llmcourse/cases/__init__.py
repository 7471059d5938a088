"""The exercise engine: cases, running a function on them, reports, and the scripted stand-in model."""

from .case import Case
from .report import CaseResult, Report
from .runner import grade
from .scripted import ScriptedLLM

__all__ = ["Case", "CaseResult", "Report", "ScriptedLLM", "grade"]
