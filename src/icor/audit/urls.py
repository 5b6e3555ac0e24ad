from django.urls import path

from icor.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.event_log, name="log"),
]
