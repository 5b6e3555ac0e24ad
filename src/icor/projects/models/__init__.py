from icor.projects.models.activities import Activity, Participation
from icor.projects.models.brigades import Assignment, Availability, Need, Volunteer
from icor.projects.models.projects import (
    Kind,
    Notification,
    Project,
    ProjectStatus,
    Support,
    Task,
    TaskEvent,
    TaskEventKind,
    TaskState,
)
from icor.projects.models.scope import Level, Scope

__all__ = [
    "Activity",
    "Assignment",
    "Availability",
    "Kind",
    "Level",
    "Need",
    "Notification",
    "Participation",
    "Project",
    "ProjectStatus",
    "Scope",
    "Support",
    "Task",
    "TaskEvent",
    "TaskEventKind",
    "TaskState",
    "Volunteer",
]
