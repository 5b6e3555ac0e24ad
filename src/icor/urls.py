from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from icor import views as core_views
from icor.api import api

urlpatterns = [
    path("api/", api.urls),
    path("health", core_views.health, name="health"),
    # Browsers ask for /favicon.ico on documents that name no icon, such as the map image.
    path("favicon.ico", RedirectView.as_view(url=static("icor/favicon.svg"), permanent=True), name="favicon"),
]

urlpatterns += i18n_patterns(
    # Inside the prefix so that /de/i18n/setlang/ can translate a /de/... "next" into the chosen language.
    path("i18n/", include("django.conf.urls.i18n")),
    path("", core_views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("resolution/", include("icor.charter.urls")),
    path("registry/", include("icor.registry.urls")),
    path("conferences/", include("icor.conferences.urls")),
    path("projects/", include("icor.projects.urls")),
    path("partners/", include("icor.partners.urls")),
    path("live/", include("icor.live.urls")),
    path("debate/", include("icor.debate.urls")),
    path("audit/", include("icor.audit.urls")),
    path("privacy/", include("icor.privacy.urls")),
    path("operator/", admin.site.urls),
    prefix_default_language=False,
)

handler404 = "icor.views.page_not_found"
handler403 = "icor.views.permission_denied"
