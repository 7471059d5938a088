"""The authors' commands: `assign` generates exercises from solutions, `record` re-records model answers."""
