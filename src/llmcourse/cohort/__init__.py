"""Grade a cohort's submissions in sandboxed kernels: `llmcourse grade SUBMISSIONS_DIR`."""
