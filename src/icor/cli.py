"""The operator command line: `icor <command> ...`.

`icor decide` runs the pure statute core without Django; every other command is a
Django management command of one of the apps (`icor setup`, `icor serve`, `icor members ...`).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "decide":
        from icor.statute.command import main as decide

        return decide(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icor.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["icor", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
