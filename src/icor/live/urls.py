from django.urls import path

from icor.live import views

app_name = "live"
urlpatterns = [
    path("<str:channel>/", views.stream, name="stream"),
]
