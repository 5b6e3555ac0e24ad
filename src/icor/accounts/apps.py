from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "icor.accounts"
    label = "accounts"

    def ready(self) -> None:
        from icor.accounts import signals  # noqa: F401 - connects the login log receivers
