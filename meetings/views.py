from django.shortcuts import render

from meetings.models import Meeting


def home(request):
    meetings = Meeting.objects.visible_to(request.user).select_related("programme")[:20]
    return render(request, "meetings/home.html", {"meetings": meetings})
