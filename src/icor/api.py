"""The JSON API: one NinjaAPI, one router per domain app."""

from ninja import NinjaAPI

from icor.conferences.api import router as conferences_router
from icor.debate.api import router as debate_router
from icor.partners.api import router as partners_router
from icor.privacy.api import router as privacy_router
from icor.projects.api import router as projects_router
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
api.add_router("/conferences", conferences_router)
api.add_router("/projects", projects_router)
api.add_router("/partners", partners_router)
api.add_router("/privacy", privacy_router)
api.add_router("/debate", debate_router)
