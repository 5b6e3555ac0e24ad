"""`manage.py check --deploy` is clean with the production settings."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]


def test_the_deploy_check_reports_no_issue(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "ICOR_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "icor.example.org",
        "ICOR_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "icor.settings",
    }
    environment.pop("DEBUG", None)
    finished = subprocess.run(
        [sys.executable, str(CHECKOUT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert "no issues" in finished.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    environment = {**os.environ, "ICOR_ENV": "production", "ICOR_VAR_DIR": str(tmp_path)}
    environment.pop("SECRET_KEY", None)
    finished = subprocess.run(
        [sys.executable, str(CHECKOUT / "manage.py"), "check"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert finished.returncode != 0
    assert "SECRET_KEY must be set" in finished.stderr
