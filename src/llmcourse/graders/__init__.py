"""One grader module per lesson, named by the lesson id."""
