"""Public pages of subscriptions: subscribe (an address, a confirmation mailed), confirm (a page with a
button: link checkers that open mail links confirm nothing) and unsubscribe.

The unsubscribe address is the one in every subscription mail's ``List-Unsubscribe`` header: a GET shows a
page with a button; a POST unsubscribes, without signing in and without a CSRF token (RFC 8058 one-click:
the mail program posts ``List-Unsubscribe=One-Click``). It is exempt from CSRF because the unguessable
token in the address is what authorises it; it is the only view here that is.
"""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications import subscriptions
from notifications.forms import SubscribeForm
from notifications.tasks import send_soon
from portal.http.ratelimit import refusal

TEMPLATE = "notifications/pages/subscribe.html"


def _account(request):
    user = request.user
    return user if user.is_authenticated and (user.email or "").strip() else None


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    account = _account(request)
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            refused = refusal(request, "subscribe")  # per client; ask() limits mail per address
            if refused is not None:
                return refused
            with transaction.atomic():
                _subscription, message = subscriptions.ask(
                    email=form.cleaned_data["email"],
                    kinds=form.cleaned_data["kinds"],
                    language=translation.get_language(),
                    user=account,
                )
                send_soon([message])
            return redirect("notifications:subscribe_sent")
    else:
        form = SubscribeForm(initial={"email": account.email} if account else None)
    return render(request, TEMPLATE, {"form": form, "account": account})


def subscribe_sent(request):
    return render(request, "notifications/pages/subscribe_sent.html")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    subscription = subscriptions.pending(token)
    if subscription is None:
        return render(request, "notifications/pages/link_unknown.html", status=404)
    if request.method == "POST":
        subscriptions.confirm(subscription=subscription)
        return render(request, "notifications/pages/confirmed.html", {"subscription": subscription})
    return render(request, "notifications/pages/confirm.html", {"subscription": subscription})


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    if request.method == "POST":
        subscription = subscriptions.unsubscribe(token=token)
        if subscription is None:
            return render(request, "notifications/pages/link_unknown.html", status=404)
        return render(request, "notifications/pages/unsubscribed.html", {"subscription": subscription})
    subscription = subscriptions.active().filter(token=token).first() or subscriptions.pending(token)
    if subscription is None:
        return render(request, "notifications/pages/link_unknown.html", status=404)
    return render(request, "notifications/pages/unsubscribe.html", {"subscription": subscription})
