from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "icor.accounts"
    label = "accounts"

    def ready(self) -> None:
        from icor.accounts import signals  # noqa: F401 - connects the login log receivers
        from icor.accounts.privacy import erase_account_records, export_account_records
        from icor.privacy.registry import register_eraser, register_exporter

        register_exporter("account_records", export_account_records)
        register_eraser("account_records", erase_account_records)
