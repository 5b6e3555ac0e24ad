from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "icor.accounts"
    label = "accounts"
