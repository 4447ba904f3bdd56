from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from meetings.models import Document, Meeting
from meetings.uploads import CONTENT_TYPES, detect_kind


def home(request):
    meetings = Meeting.objects.visible_to(request.user).select_related("programme")[:20]
    return render(request, "meetings/home.html", {"meetings": meetings})


@require_safe
def document_download(request, pk):
    """Send a document the user may see, always as a download; anything else is 404."""
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    kind = detect_kind(handle)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.filename,
        content_type=CONTENT_TYPES.get(kind, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
