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
