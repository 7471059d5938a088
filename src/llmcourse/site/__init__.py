"""Publish the lessons: execute them (cached by source hash) and turn them into Material pages."""
