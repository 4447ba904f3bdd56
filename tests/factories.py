"""Small builders for tests: every argument has a sensible default, every record passes full_clean()."""

import datetime
import itertools

from meetings import models as m

_seq = itertools.count(1)


def _saved(obj, validate=True):
    if validate:  # validate=False: stored as an import or an older version of the portal could have
        obj.full_clean()
    obj.save()
    return obj


def organisation(**kw):
    n = next(_seq)
    kw.setdefault("name_lo", f"ອົງການ {n}")
    kw.setdefault("name_en", f"Organisation {n}")
    return _saved(m.Organisation(**kw))


def person(**kw):
    n = next(_seq)
    kw.setdefault("name_lo", f"ທ່ານ ສົມພອນ {n}")
    kw.setdefault("name_en", f"Somphone {n}")
    return _saved(m.Person(**kw))


def meeting(*, organisers=(), validate=True, **kw):
    n = next(_seq)
    kw.setdefault("title_lo", f"ກອງປະຊຸມຕ້ານການຄ້າມະນຸດ {n}")
    kw.setdefault("title_en", f"Counter-trafficking meeting {n}")
    kw.setdefault("start_date", datetime.date(2024, 2, 15))
    kw.setdefault("status", m.Meeting.Status.PUBLISHED)
    obj = _saved(m.Meeting(**kw), validate=validate)
    if organisers:
        obj.organisers.set(organisers)
    return obj


def participation(*, meeting, person, **kw):
    return _saved(m.Participation(meeting=meeting, person=person, **kw))


def action_item(*, meeting, responsible=(), **kw):
    kw.setdefault("order", meeting.action_items.count() + 1)
    kw.setdefault("text_lo", "ຕິດຕາມຊຸກຍູ້ດ້ານວິຊາການ")
    kw.setdefault("text_en", "Technical follow-up")
    obj = _saved(m.ActionItem(meeting=meeting, **kw))
    if responsible:
        obj.responsible.set(responsible)
    return obj


def user(*, role=None, username=None, **kw):
    """A user with one of the roles of meetings/roles.py (None: a signed-in account with no role)."""
    from django.contrib.auth.models import Group, User

    n = next(_seq)
    kw.setdefault("is_staff", role in ("Secretariat editor", "Secretariat publisher", "Administrator"))
    obj = User.objects.create_user(username=username or f"user{n}", password=None, **kw)
    if role:
        obj.groups.add(Group.objects.get(name=role))
    return obj


def document(*, meeting, content=b"%PDF-1.4\n%test\n", name="minutes.pdf", **kw):
    from django.core.files.base import ContentFile

    n = next(_seq)
    kw.setdefault("title_lo", f"ເອກະສານ {n}")
    kw.setdefault("title_en", f"Document {n}")
    obj = m.Document(meeting=meeting, **kw)
    obj.file = ContentFile(content, name=name)
    obj.full_clean()
    obj.save()
    return obj
