"""The admin login's "Forgotten your password?" (Django's URL names ``admin_password_reset``,
``password_reset_done``, ``password_reset_confirm``, ``password_reset_complete``), in the admin's look,
through the same views and the same outbox as the public site. Included before the admin's own URLs."""

from django.urls import path

from accounts import views

urlpatterns = [
    path("password_reset/", views.AdminPasswordResetView.as_view(), name="admin_password_reset"),
    path("password_reset/done/", views.AdminPasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        views.AdminPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("reset/done/", views.AdminPasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
