from django.urls import path

from icor.projects.views import brigades, calendar, changes, projects, records

app_name = "projects"
urlpatterns = [
    path("", projects.project_list, name="list"),
    path("new/", projects.project_create, name="create"),
    path("<int:pk>/", projects.project_detail, name="detail"),
    path("<int:pk>/status/", projects.project_status, name="status"),
    path("<int:pk>/edit/", changes.project_edit, name="project_edit"),
    path("<int:pk>/support/", projects.support, name="support"),
    path("<int:pk>/tasks/", projects.task_create, name="task_create"),
    path("tasks/<int:pk>/", projects.task_detail, name="task"),
    path("tasks/<int:pk>/<slug:action>/", projects.task_action, name="task_action"),
    path("organizations/<slug:slug>/support/", projects.organization_support, name="organization_support"),
    path("reliability/", records.reliability, name="reliability"),
    path("reliability/<slug:slug>/", records.reliability_organization, name="reliability_organization"),
    path("notifications/", records.notifications, name="notifications"),
    path("notifications/<int:pk>/read/", records.notification_read, name="notification_read"),
    path("calendar/", calendar.calendar, name="calendar"),
    path("calendar.ics", calendar.calendar_ics, name="calendar_ics"),
    path("calendar/new/", calendar.activity_create, name="activity_create"),
    path("activities/<int:pk>/", calendar.activity_detail, name="activity"),
    path("activities/<int:pk>/participation/", calendar.participate, name="participate"),
    path("activities/<int:pk>/edit/", changes.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/withdraw/", changes.activity_withdraw, name="activity_withdraw"),
    path("volunteers/<int:pk>/edit/", changes.volunteer_edit, name="volunteer_edit"),
    path("volunteers/<int:pk>/withdraw/", changes.volunteer_withdraw, name="volunteer_withdraw"),
    path("needs/<int:pk>/edit/", changes.need_edit, name="need_edit"),
    path("needs/<int:pk>/withdraw/", changes.need_withdraw, name="need_withdraw"),
    path("<int:pk>/brigade/", brigades.plan, name="brigade"),
    path("<int:pk>/brigade/volunteers/", brigades.register_volunteer, name="volunteer_register"),
    path("<int:pk>/brigade/needs/", brigades.set_need, name="need_set"),
    path("<int:pk>/brigade/assignments/", brigades.assign, name="assign"),
]
