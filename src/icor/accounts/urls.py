from django.urls import path

from icor.accounts import views

app_name = "accounts"
urlpatterns = [
    path("me/", views.my_account, name="me"),
    path("me/tokens/", views.tokens, name="tokens"),
    path("me/tokens/<int:pk>/revoke/", views.revoke_token, name="revoke_token"),
    path("people/", views.people, name="people"),
    path("people/<int:pk>/remove/", views.remove_account, name="remove"),
    path("people/<int:pk>/unlock/", views.lift_login_lock, name="lift_login_lock"),
    path("all/", views.all_accounts, name="all"),
    path("people/<int:pk>/suspend/", views.suspend, name="suspend"),
    path("suspensions/<int:pk>/lift/", views.lift_suspension, name="lift_suspension"),
    path("invitations/<int:pk>/revoke/", views.revoke_invitation, name="revoke_invitation"),
    path("invitation/<str:token>/", views.accept, name="accept"),
    path("observers/<int:pk>/end/", views.end_observer, name="end_observer"),
]
