"""Publish the lessons: execute them on their recordings (cached per lesson) and turn them into Material pages."""
