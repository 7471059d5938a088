"""Check a learner's notebook from the shell: execute it, grade it, report like the notebook does."""
