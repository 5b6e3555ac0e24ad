import os

import uvicorn
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from icor.serving import DEFAULT_THREADS


class Command(BaseCommand):
    help = (
        "Serve the site (static files included). Each process runs an event loop (uvicorn with "
        "uvloop and httptools) that reads requests and writes answers, and a fixed pool of threads "
        "that run Django: one thread hop per request, and each thread keeps its database connection. "
        "Live channels are authorized in a thread, then streamed by the event loop from the process's "
        "hub, holding neither a thread nor a database connection. Casts waiting at the same moment in "
        "one process are committed together (group commit: one transaction, one audit link per vote; "
        "ICOR_GROUP_COMMIT=false commits each alone), so more threads make larger groups during a vote "
        "burst; each process holds at most --threads + 2 database connections. Chosen by measurement: "
        "docs/performance.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="server processes; they share the database and the live channel (one per core)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("ICOR_SERVE_THREADS", DEFAULT_THREADS)),
            help=(
                f"threads running Django per process, each with its own database connection "
                f"(default {DEFAULT_THREADS}; ICOR_SERVE_THREADS)"
            ),
        )

    def handle(
        self, *args: object, host: str, port: int, workers: int, threads: int, **options: object
    ) -> None:
        self.stdout.write(
            f"icor serving on http://{host}:{port}/ (database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; "
            f"{workers} process(es) x {threads} threads)"
        )
        # The worker processes build their application from the environment (icor.asgi).
        os.environ["ICOR_SERVE_THREADS"] = str(threads)
        uvicorn.run(
            "icor.asgi:application",
            host=host,
            port=port,
            workers=workers,
            loop="uvloop",
            http="httptools",
            lifespan="on",
            backlog=4096,
            timeout_keep_alive=30,
            log_level="warning",
            access_log=False,
        )
