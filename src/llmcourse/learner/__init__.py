"""The learner's commands: open a copy of the exercises, check it, climb the hints, see progress."""
