from django.urls import path

from icor.registry import views

app_name = "registry"
urlpatterns = [
    path("", views.organization_list, name="list"),
    path("statistics/", views.statistics, name="statistics"),
    path("map.svg", views.member_map, name="map"),
    path("apply/", views.apply, name="apply"),
    path("applications/", views.applications, name="applications"),
    path("applications/<int:pk>/", views.decide_application, name="decide"),
    path("<slug:slug>/", views.organization_detail, name="detail"),
    path("<slug:slug>/exit/", views.record_exit, name="exit"),
    path("<slug:slug>/first-officer/", views.first_officer, name="first_officer"),
]
