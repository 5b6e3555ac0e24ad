from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from icor.api import api
from icor.core import views as core_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("health", core_views.health, name="health"),
]

urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("resolution/", include("icor.charter.urls")),
    path("registry/", include("icor.registry.urls")),
    path("operator/", admin.site.urls),
    prefix_default_language=False,
)
