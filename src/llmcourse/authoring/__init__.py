"""Generate exercises from solutions: solution regions are stripped and replaced by a TODO stub."""
