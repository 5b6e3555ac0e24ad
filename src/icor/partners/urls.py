from django.urls import path

from icor.partners import views

app_name = "partners"
urlpatterns = [
    path("", views.partner_list, name="list"),
    path("new/", views.record_partner, name="new"),
    path("<slug:slug>/", views.partner_detail, name="detail"),
    path("<slug:slug>/projects/", views.link_project, name="link_project"),
]
