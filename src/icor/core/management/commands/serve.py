import uvicorn
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve the site with the ASGI server (static files included)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=1, help="several processes share one database")

    def handle(self, *args: object, host: str, port: int, workers: int, **options: object) -> None:
        self.stdout.write(
            f"icor serving on http://{host}:{port}/ (database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]})"
        )
        uvicorn.run(
            "icor.asgi:application",
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            access_log=False,
        )
