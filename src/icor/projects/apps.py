from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "icor.projects"
    label = "projects"

    def ready(self) -> None:
        # S11: the organization's own export and erasure cover what this app holds about it.
        from icor.privacy.registry import register_eraser, register_exporter
        from icor.projects.privacy import erase_projects, export_projects

        register_exporter("projects", export_projects)
        register_eraser("projects", erase_projects)

        # The audit log page names the kinds, levels and states of projects.
        from icor.audit.presentation import register_code_labels
        from icor.projects.models import Kind, Level, ProjectStatus

        register_code_labels(Kind.choices)
        register_code_labels(Level.choices)
        register_code_labels(ProjectStatus.choices)
