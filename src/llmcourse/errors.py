"""Errors that tell the learner what went wrong and the next command to run."""


class CourseError(Exception):
    """A problem the user can fix; `next_step` is the command or action that fixes it."""

    def __init__(self, message: str, next_step: str = ""):
        super().__init__(message)
        self.message = message
        self.next_step = next_step

    def __str__(self) -> str:
        return f"{self.message}\n  next: {self.next_step}" if self.next_step else self.message
