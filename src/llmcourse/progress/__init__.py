"""The learner's progress: checks passed and hints seen, kept in the workspace."""
