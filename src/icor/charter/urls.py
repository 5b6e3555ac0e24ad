from django.urls import path

from icor.charter import views

app_name = "charter"
urlpatterns = [
    path("", views.resolution, name="resolution"),
    path("translate/", views.translate, name="translate"),
]
