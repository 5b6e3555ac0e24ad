"""The JSON API: one NinjaAPI, one router per domain app."""

from ninja import NinjaAPI

from icor.registry.api import router as registry_router

api = NinjaAPI(
    title="icor API",
    version="1",
    description=(
        "The platform of the International Coordination of Revolutionary Parties and Organizations. "
        "Every decision result cites the clause of the Founding Resolution it applies."
    ),
    urls_namespace="api",
)
api.add_router("/registry", registry_router)
