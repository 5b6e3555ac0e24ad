from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from icor import views as core_views
from icor.api import api

# The admin's own login form would be a second door without throttling or second factor:
# it sends to the site's login instead (allauth's documented guard).
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("api/", api.urls),
    path("health", core_views.health, name="health"),
    # Browsers ask for /favicon.ico on documents that name no icon, such as the map image: a real
    # answer, so that the request never runs into a page (e.g. the two-factor setup) instead.
    path("favicon.ico", core_views.favicon, name="favicon"),
]

urlpatterns += i18n_patterns(
    # Inside the prefix so that /de/i18n/setlang/ can translate a /de/... "next" into the chosen language.
    path("i18n/", include("django.conf.urls.i18n")),
    path("", core_views.home, name="home"),
    path("accounts/", include("icor.accounts.urls")),
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
