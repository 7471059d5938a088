"""Grade exercises: cases, reports, the scripted stand-in model, and the check cell learners run."""

from .case import Case
from .report import CaseResult, Report
from .runner import grade
from .scripted import ScriptedLLM

__all__ = ["Case", "CaseResult", "Report", "ScriptedLLM", "grade"]
