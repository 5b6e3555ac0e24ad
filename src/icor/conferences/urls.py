from django.urls import path

from icor.conferences.views import conferences as views
from icor.conferences.views import motions, observers

app_name = "conferences"
urlpatterns = [
    path("", views.conference_list, name="list"),
    path("observers/", observers.observers, name="observers"),
    path("<int:pk>/", views.conference_detail, name="detail"),
    path("<int:pk>/advance/", views.advance, name="advance"),
    path("<int:pk>/agenda/", views.add_agenda_item, name="agenda"),
    path("<int:pk>/accreditation/", views.accreditation, name="accreditation"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/attendance/status/", views.attendance_status, name="attendance-status"),
    path("<int:pk>/chair/", views.chair, name="chair"),
    path("<int:pk>/chair/live/", views.chair_live, name="chair-live"),
    path("<int:pk>/now/", views.now, name="now"),
    path("<int:pk>/now/live/", views.now_live, name="now-live"),
    path("<int:pk>/minutes/", views.minutes_page, name="minutes"),
    path("<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes-pdf"),
    path("<int:pk>/motions/new/", motions.motion_new, name="motion-new"),
    path("motions/<int:pk>/", motions.motion_detail, name="motion"),
    path("motions/<int:pk>/state/", motions.motion_state, name="motion-state"),
    path("motions/<int:pk>/<slug:action>/", motions.motion_action, name="motion-action"),
    path("ballots/<int:pk>/", motions.ballot_result, name="ballot"),
    path("ballots/<int:pk>/vote/", motions.vote, name="vote"),
    path("ballots/<int:pk>/status/", motions.ballot_status, name="ballot-status"),
]
