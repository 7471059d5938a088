"""The learner's commands: open a copy of the exercises, check it (once or on every save), hints, progress."""
