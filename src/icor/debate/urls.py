from django.urls import path

from icor.debate import views

app_name = "debate"
urlpatterns = [
    path("motions/<int:pk>/", views.motion_debate, name="motion"),
    path("motions/<int:pk>/contribute/", views.contribute, name="contribute"),
    path("motions/<int:pk>/amend/", views.propose_amendment, name="amend"),
    path("amendments/<int:pk>/translate/", views.translate_amendment, name="translate_amendment"),
    *(
        path(
            f"amendments/<int:pk>/{decision}/",
            views.decide_amendment,
            {"decision": decision},
            name=f"{decision}_amendment",
        )
        for decision in ("adopt", "reject", "withdraw")
    ),
    path("conferences/<int:pk>/speakers/", views.speakers, name="speakers"),
    *(
        path(
            f"conferences/<int:pk>/speakers/{action}/",
            views.speakers_action,
            {"action": action},
            name=f"speakers_{action}",
        )
        for action in ("request", "withdraw", "next", "end", "close", "open")
    ),
]
