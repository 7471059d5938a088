"""Data the lessons ship: files under llmcourse/data/<lesson id>/, read from any working folder (every lesson)."""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path


def path(lesson_id: str, name: str) -> Path:
    """The installed path of one data file of a lesson."""
    return Path(str(resources.files("llmcourse").joinpath("data", lesson_id, name)))


def load(lesson_id: str, name: str):
    """A lesson's data file parsed by its suffix: .toml and .json as dicts, .csv as a DataFrame, else text."""
    file = path(lesson_id, name)
    if file.suffix == ".toml":
        return tomllib.loads(file.read_text(encoding="utf-8"))
    if file.suffix == ".json":
        return json.loads(file.read_text(encoding="utf-8"))
    if file.suffix == ".csv":
        import pandas as pd
        return pd.read_csv(file)
    return file.read_text(encoding="utf-8")
