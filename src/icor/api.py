"""The JSON API: one NinjaAPI, one router per domain app."""

from typing import Any

from ninja import NinjaAPI

from icor.accounts.api import router as accounts_router
from icor.accounts.api_auth import SwaggerWithCsrf, declare_authentication
from icor.conferences.api import router as conferences_router
from icor.debate.api import router as debate_router
from icor.partners.api import router as partners_router
from icor.privacy.api import router as privacy_router
from icor.projects.api import router as projects_router
from icor.registry.api import router as registry_router


class IcorAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return declare_authentication(super().get_openapi_schema(**kwargs))


api = IcorAPI(
    title="icor API",
    version="1",
    description=(
        "The platform of the International Coordination of Revolutionary Parties and Organizations. "
        "Every decision result cites the clause of the Founding Resolution it applies."
    ),
    urls_namespace="api",
    docs=SwaggerWithCsrf(),
)
api.add_router("/registry", registry_router)
api.add_router("/conferences", conferences_router)
api.add_router("/projects", projects_router)
api.add_router("/partners", partners_router)
api.add_router("/privacy", privacy_router)
api.add_router("/debate", debate_router)
api.add_router("/accounts", accounts_router)
