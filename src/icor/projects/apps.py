from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "icor.projects"
    label = "projects"
