"""Meeting records: organisations, officials, programmes, meetings and what was reported and decided.

Every human-readable field is translated (``meetings/translation.py``): ``title`` exists as ``title_lo``
and ``title_en``. Rules live here: field validation and invariants in ``clean()`` backed by database
constraints, reads in small chainable QuerySet methods, multi-model writes in ``meetings/services.py``.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models, transaction
from django.db.models import Case, Exists, F, Max, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, NullIf, Replace, Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from meetings.models.base import HistoryQuerySet, once_per_content_version
from meetings.models.translation_sync import track_translation_sync
from meetings.rules import roles
from meetings.rules.text import normalise_text
from meetings.rules.uploads import DocumentContentValidator

# --- Messages shared by clean() and the database constraints (one wording per rule) ----------------
MSG_WOMEN_OVER_TOTAL = _("The number of women cannot be greater than the total number of participants.")
MSG_ONLINE_OVER_TOTAL = _("The number of online participants cannot be greater than the total.")
MSG_END_BEFORE_START = _("The meeting cannot end before it starts.")
MSG_END_TIME_BEFORE_START = _("A one-day meeting cannot end before the time it starts.")
MSG_DUPLICATE_PARTICIPANT = _("This person is already listed as a participant of this meeting.")
MSG_PARENT_CYCLE = _("An organisation cannot be its own parent, directly or through other units.")
MSG_PROGRAMME_YEARS = _("The last year of a programme cannot be before its first year.")
MSG_UPDATE_BEFORE_DECISION = _("A follow-up can only be recorded at the same meeting or a later one.")
MSG_DUE_BEFORE_MEETING = _("The due date cannot be before the meeting that decided the action item.")
MSG_ORDER_TAKEN = _("Another item of this meeting already has this number.")
MSG_EDIT_CONFLICT = _(
    "Someone else saved this meeting after you opened it. Your changes were not saved, so nothing was "
    "overwritten: open the history to see the other change, then reload the page and apply your changes again."
)


class EditConflict(ValidationError):
    """A save based on an out-of-date version of a record (optimistic locking)."""


def visibility_levels(user) -> list[str] | None:
    """The visibility levels of *published* records ``user`` may see; None means everything, drafts too.

    A secretariat account reads everything only once it has passed the second factor where the admin asks
    for one (``ADMIN_REQUIRE_OTP``): signed in through the public partner login it reads as a partner.

    This is the one visibility rule: ``Meeting.objects.visible_to`` and ``Document.objects.visible_to``
    are built on it. Secretariat staff see everything; partner accounts see public and partners-only
    records; everyone else sees public records.
    """
    if roles.reads_as_secretariat(user):
        return None
    if roles.is_partner(user):
        return [Meeting.Visibility.PUBLIC, Meeting.Visibility.PARTNERS]
    return [Meeting.Visibility.PUBLIC]


# --- Search columns -----------------------------------------------------------------------------------
SEARCH_LANGUAGES = ("lo", "en")
SEARCH_SEPARATOR = "\n"  # never inside a search term (meetings/search.py splits queries at whitespace)
# Characters that join the parts of a name (ASEAN-ACT, 2023/24, annual_review). PostgreSQL's trigram index
# takes them for word ends, so it would only know that "ASEAN" and "ACT" both occur somewhere. Written as
# a letter that no Lao or English text uses, on both sides of the comparison, they keep such a name one
# word for the index, and it finds exactly the rows where the parts are joined.
SEARCH_JOINERS = "-/_"
SEARCH_JOINER_MARK = "\u01c2"  # ǂ


def search_form(expression):
    """The form in which search compares text, as a database expression: joiners marked, upper-cased.

    The search columns are kept in this form; :class:`SearchContains` puts each term in the same form.
    """
    for joiner in SEARCH_JOINERS:
        expression = Replace(
            expression, Value(joiner), Value(SEARCH_JOINER_MARK), output_field=models.TextField()
        )
    return Upper(expression)


class SearchContains(models.Lookup):
    """``column LIKE '%' || UPPER(term) || '%'`` with the term's joiners marked as in :func:`search_form`.

    The database upper-cases the term as it did the column (SQLite upper-cases only ASCII letters,
    PostgreSQL all of them), so both sides agree. ``UPPER('...')`` of a constant is folded by PostgreSQL's
    planner, so the column's trigram index serves the condition. Used as ``Q(SearchContains(F(col), term))``.
    """

    lookup_name = "search_contains"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        term = self.rhs
        for joiner in SEARCH_JOINERS:
            term = term.replace(joiner, SEARCH_JOINER_MARK)
        sql = f"{lhs} LIKE '%%' || UPPER(%s) || '%%'"
        if connection.vendor == "sqlite":
            sql += " ESCAPE '\\'"
        return sql, (*params, connection.ops.prep_for_like_query(term))


class Joined(models.Func):
    """``a || b || c``, flat: Django's ``Concat`` nests pairs, deeper than SQLite's parser takes in a
    generated column of eight fields. NULL parts count as empty (each part is wrapped in ``COALESCE``)."""

    template = "(%(expressions)s)"
    arg_joiner = " || "
    output_field = models.TextField()

    def __init__(self, *expressions, **extra):
        parts = [Coalesce(e, Value(""), output_field=models.TextField()) for e in expressions]
        super().__init__(*parts, **extra)


def search_column(fields: tuple[str, ...]) -> models.GeneratedField:
    """A column the database keeps equal to the record's searched text: ``fields`` in every language,
    joined by :data:`SEARCH_SEPARATOR`, in :func:`search_form` (text is already normalised on save).

    Search (meetings/search.py) matches each term as a substring of this one column, served by one trigram
    index (migration ``0006_search_columns``): the database compares stored text instead of upper-casing
    every field of every candidate row. Generated by the database, it is right after any kind of write,
    including bulk and raw ones. Not serialised (backups hold the fields it is made of) and not in the
    edit history.
    """
    parts = []
    for field in fields:
        for lang in SEARCH_LANGUAGES:
            parts += [F(f"{field}_{lang}"), Value(SEARCH_SEPARATOR)]
    return models.GeneratedField(
        expression=search_form(Joined(*parts[:-1])),
        output_field=models.TextField(),
        db_persist=True,
        serialize=False,
        verbose_name=_("search text"),
    )


def audience_of(user) -> str:
    """The audience whose view of the records ``user`` gets: "staff", "partners" or "public".

    Everything a reader sees is decided by :func:`visibility_levels` alone, so two readers of the same
    audience see the same content (PDF caches are keyed by audience).
    """
    levels = visibility_levels(user)
    if levels is None:
        return "staff"
    return "partners" if Meeting.Visibility.PARTNERS in levels else "public"


# --- Shared base -------------------------------------------------------------------------------------
class Record(models.Model):
    """Base of every stored record: timestamps and normalised text.

    Text is stored in one Unicode form (see :func:`meetings.rules.text.normalise_text`) so that a Lao word typed
    with decomposed or precomposed vowels is the same word for search, sorting and uniqueness.
    """

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        abstract = True

    def normalise_text_fields(self) -> None:
        # Raw values (self.__dict__), not getattr/setattr: for a translated field such as ``short_name``
        # modeltranslation's descriptor would read the English fallback and write it into the Lao field.
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField) and not field.choices:
                value = self.__dict__.get(field.attname)
                if isinstance(value, str):
                    self.__dict__[field.attname] = normalise_text(value)

    def clean_fields(self, exclude=None):
        self.normalise_text_fields()
        super().clean_fields(exclude=exclude)

    def slug_parts(self) -> tuple[str, ...] | None:
        """The words a record's address name is made from (None: not yet known); records without one
        return None."""
        return None

    def ensure_slug(self) -> None:
        """An invariant, kept by ``clean()`` and by ``save()`` alike: a record with an address has one, even
        when it was created without ``full_clean()``."""
        if getattr(self, "slug", None) == "" and (parts := self.slug_parts()) is not None:
            max_length = self._meta.get_field("slug").max_length
            self.slug = unique_slug(self, *parts, max_length=max_length)

    def save(self, *args, **kwargs):
        self.normalise_text_fields()
        self.ensure_slug()
        super().save(*args, **kwargs)
        track_translation_sync(self)

    @classmethod
    def from_db(cls, db, field_names, values):
        """Remember the loaded values, so that save() can tell which language's text an edit changed."""
        instance = super().from_db(db, field_names, values)
        instance._loaded_values = dict(zip(field_names, values, strict=True))
        return instance


def unique_slug(instance: models.Model, *parts: str, field: str = "slug", max_length: int = 80) -> str:
    """An ASCII slug built from ``parts`` that no other row of the model uses."""
    base = slugify("-".join(p for p in parts if p))[:max_length].strip("-") or instance._meta.model_name
    model = type(instance)
    candidate, n = base, 2
    while model._default_manager.filter(**{field: candidate}).exclude(pk=instance.pk).exists():
        suffix = f"-{n}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return candidate


slug_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Use only lower-case Latin letters, digits and single hyphens."),
)

# Titles and names are plain text: an angle bracket opening a tag (<b>, </p>, <script, <img ..., <!--) is
# refused, in every language. What is stored is still escaped wherever it is shown.
MSG_NO_MARKUP = _(
    "Titles and names cannot contain markup such as <b> or <script>: remove the part in angle brackets."
)
no_markup_validator = RegexValidator(
    r"<\s*[/!?]?\s*[A-Za-z!]", MSG_NO_MARKUP, code="markup", inverse_match=True
)


# --- Countries, organisations, people, programmes ---------------------------------------------------
class Country(Record):
    """A country, named in Lao and English (seeded with the ASEAN member states and the usual partners)."""

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[
            RegexValidator(r"^[A-Z]{2}$", _("Use the two-letter ISO code in capitals, e.g. LA or AU."))
        ],
        help_text=_("Two-letter ISO 3166 code: LA for Lao PDR, AU for Australia."),
    )
    name = models.CharField(_("name"), max_length=120, validators=[no_markup_validator])
    asean_member = models.BooleanField(_("ASEAN member state"), default=False)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self):
        return self.name or self.code


class OrganisationQuerySet(HistoryQuerySet):
    def visible_to(self, user):
        """Organisations a reader may know of: those no record refers to yet, directly or through their units
        (the directory), those a visible record refers to (organiser, participant, responsible, reporting, a
        visible person's employer, a visible programme's funder or partner) and the parents of these. An
        organisation known only from records the reader may not see (or only as the parent of such an
        organisation) is not shown. A fixed number of queries."""
        levels = visibility_levels(user)
        if levels is None:
            return self.all()
        shown = once_per_content_version(Organisation, tuple(levels), lambda: self._shown_ids(user))
        return self.filter(pk__in=shown)

    @staticmethod
    def _shown_ids(user) -> frozenset[int]:
        meetings = Meeting.objects.visible_to(user)
        people = Person.objects.visible_to(user)
        programmes = Programme.objects.visible_to(user)
        references = [
            (Meeting.organisers.through.objects, "organisation_id", Q(meeting__in=meetings)),
            (Meeting.objects, "issued_by_id", Q(pk__in=meetings)),
            (Participation.objects, "organisation_id", Q(meeting__in=meetings)),
            (ActionItem.responsible.through.objects, "organisation_id", Q(actionitem__meeting__in=meetings)),
            (Activity.objects, "organisation_id", Q(meeting__in=meetings)),
            (Achievement.objects, "organisation_id", Q(meeting__in=meetings)),
            (Person.objects, "organisation_id", Q(pk__in=people)),
            (Programme.objects, "funder_id", Q(pk__in=programmes)),
            (Programme.partners.through.objects, "organisation_id", Q(programme__in=programmes)),
        ]
        referenced, seen = set(), set()
        for manager, column, visible in references:
            rows = (
                manager.filter(**{f"{column}__isnull": False})
                .order_by()
                .values_list(column)
                .annotate(v=Max(Case(When(visible, then=Value(1)), default=Value(0))))
            )
            for org_id, is_visible in rows:
                referenced.add(org_id)
                if is_visible:
                    seen.add(org_id)
        parents = dict(Organisation.objects.values_list("pk", "parent_id"))

        def with_parents(ids):
            out = set(ids)
            for pk in ids:
                parent = parents.get(pk)
                while parent is not None and parent not in out:
                    out.add(parent)
                    parent = parents.get(parent)
            return out

        # Organisations nothing refers to, directly or through their units, are the directory: shown.
        directory = set(parents) - with_parents(referenced)
        # The parents of a shown organisation are shown (its page names them).
        return frozenset(with_parents(seen | directory))


class Organisation(Record):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        JUDICIARY = "judiciary", _("Judiciary")
        MASS_ORGANISATION = "mass", _("Mass organisation")
        EMBASSY = "embassy", _("Embassy")
        INTERNATIONAL = "international", _("International organisation")
        UN_AGENCY = "un", _("UN agency")
        NGO = "ngo", _("Non-governmental organisation")
        PRIVATE = "private", _("Private company")
        OTHER = "other", _("Other")

    slug = models.SlugField(
        _("address name"), max_length=80, unique=True, blank=True, validators=[slug_validator]
    )
    name = models.CharField(_("name"), max_length=300, validators=[no_markup_validator])
    short_name = models.CharField(
        _("short name or acronym"), max_length=60, blank=True, validators=[no_markup_validator]
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GOVERNMENT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )

    SEARCH_TITLE = ("name", "short_name")
    SEARCH_OTHER = ()
    search_text = search_column(SEARCH_TITLE)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name or self.short_name or self.slug

    def clean(self):
        node, seen = self.parent, set()
        while node is not None:
            if node.pk == self.pk and self.pk is not None or node.pk in seen:
                raise ValidationError({"parent": MSG_PARENT_CYCLE})
            seen.add(node.pk)
            node = node.parent
        self.ensure_slug()

    def slug_parts(self) -> tuple[str, ...]:
        return (self.short_name_en or "", self.name_en or "")

    def get_absolute_url(self):
        return reverse("meetings:organisation", kwargs={"slug": self.slug})


class PersonQuerySet(HistoryQuerySet):
    def visible_to(self, user):
        """People are shown only through the meetings a reader may see: a participant or a presenter of a
        visible meeting. Someone known only from hidden meetings (or from none yet) is not shown."""
        if visibility_levels(user) is None:
            return self.all()
        meetings = Meeting.objects.visible_to(user)
        return self.filter(
            Q(Exists(Participation.objects.filter(person=OuterRef("pk"), meeting__in=meetings)))
            | Q(Exists(AgendaItem.objects.filter(presenter=OuterRef("pk"), meeting__in=meetings)))
        )


class Person(Record):
    """An official who takes part in meetings. Never a victim or anyone else in need of protection."""

    class Gender(models.TextChoices):
        FEMALE = "f", _("Woman")
        MALE = "m", _("Man")

    slug = models.SlugField(
        _("address name"), max_length=80, unique=True, blank=True, validators=[slug_validator]
    )
    name = models.CharField(_("name"), max_length=200, validators=[no_markup_validator])
    honorific = models.CharField(
        _("honorific or rank"), max_length=120, blank=True, help_text=_("For example ພັອ / Pol. Col.")
    )
    position = models.CharField(_("position"), max_length=400, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    gender = models.CharField(
        _("gender"),
        max_length=1,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional; used only for counts of women and men."),
    )

    SEARCH_TITLE = ("name",)
    SEARCH_OTHER = ("honorific", "position")
    search_title = search_column(SEARCH_TITLE)
    search_text = search_column(SEARCH_TITLE + SEARCH_OTHER)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return f"{self.honorific} {self.name}".strip()

    def clean(self):
        self.ensure_slug()

    def slug_parts(self) -> tuple[str, ...]:
        return (self.name_en or "",)

    def get_absolute_url(self):
        return reverse("meetings:person", kwargs={"slug": self.slug})


class ProgrammeQuerySet(HistoryQuerySet):
    def visible_to(self, user):
        """Programmes no meeting refers to yet, and those of meetings the reader may see."""
        if visibility_levels(user) is None:
            return self.all()
        return self.filter(
            Q(Exists(Meeting.objects.visible_to(user).filter(programme=OuterRef("pk"))))
            | ~Q(Exists(Meeting.objects.filter(programme=OuterRef("pk"))))
        )


class Programme(Record):
    slug = models.SlugField(
        _("address name"), max_length=80, unique=True, blank=True, validators=[slug_validator]
    )
    name = models.CharField(_("name"), max_length=300, validators=[no_markup_validator])
    short_name = models.CharField(
        _("short name or acronym"), max_length=60, blank=True, validators=[no_markup_validator]
    )
    description = models.TextField(_("description"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    funder = models.ForeignKey(
        Organisation,
        verbose_name=_("funded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funded_programmes",
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partner organisations"), blank=True, related_name="programmes"
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="programme_years_in_order",
                violation_error_message=MSG_PROGRAMME_YEARS,
            )
        ]

    def __str__(self):
        return self.short_name or self.name

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": MSG_PROGRAMME_YEARS})
        self.ensure_slug()

    def slug_parts(self) -> tuple[str, ...]:
        return (self.short_name_en or "", self.name_en or "")


# --- Meetings -----------------------------------------------------------------------------------------
class MeetingQuerySet(HistoryQuerySet):
    def published(self):
        return self.filter(status=Meeting.Status.PUBLISHED)

    def visible_to(self, user):
        """The one rule deciding which meetings a user may see (see :func:`visibility_levels`).

        Secretariat staff see everything; partner accounts see published public and partners-only
        meetings; everyone else sees published public meetings.
        """
        levels = visibility_levels(user)
        if levels is None:
            return self.all()
        return self.published().filter(visibility__in=levels)

    def update(self, **kwargs):
        """A bulk update also moves the edit version on, so an open edit form cannot overwrite it."""
        kwargs.setdefault("version", F("version") + 1)
        return super().update(**kwargs)

    def held_online(self):
        """Meetings held online, wholly or in part (format online or hybrid): the one definition of an
        online meeting, used by the statistics."""
        return self.filter(HELD_ONLINE)

    def in_year(self, year: int):
        return self.filter(start_date__year=year)

    def upcoming(self, today: datetime.date | None = None):
        return self.filter(start_date__gte=today or timezone.localdate()).order_by("start_date")

    def past(self, today: datetime.date | None = None):
        return self.filter(start_date__lt=today or timezone.localdate()).order_by("-start_date")


class Meeting(Record):
    class Kind(models.TextChoices):
        ANNUAL_REVIEW = "annual_review", _("Annual review")
        STEERING_COMMITTEE = "steering_committee", _("Steering committee")
        COORDINATION = "coordination", _("Coordination meeting")
        CONSULTATION = "consultation", _("Consultation")
        TRAINING = "training", _("Training")
        INTERNATIONAL = "international", _("International meeting")
        OTHER = "other", _("Other")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid (in person and online)")

    ONLINE_FORMATS = (Format.ONLINE, Format.HYBRID)  # an "online meeting" (see MeetingQuerySet.held_online)

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        PARTNERS = "partners", _("Partners only")
        INTERNAL = "internal", _("Secretariat only")

    slug = models.SlugField(
        _("address name"), max_length=100, unique=True, blank=True, validators=[slug_validator]
    )
    title = models.CharField(_("title"), max_length=400, validators=[no_markup_validator])
    kind = models.CharField(_("kind of meeting"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for a one-day meeting.")
    )

    class TimeOfDay(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        ALL_DAY = "all_day", _("All day")

    time_of_day = models.CharField(_("time of day"), max_length=20, choices=TimeOfDay.choices, blank=True)
    start_time = models.TimeField(_("starts at"), null=True, blank=True, help_text=_("For example 08:30."))
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city or province"), max_length=200, blank=True)
    organisers = models.ManyToManyField(
        Organisation, verbose_name=_("organisers"), blank=True, related_name="organised_meetings"
    )
    issued_by = models.ForeignKey(
        Organisation,
        verbose_name=_("minutes issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="issued_minutes",
        help_text=_(
            "The body that issues the minutes: its name heads them (the letterhead). Leave empty for the "
            "secretariat. Organisers, the host and guest countries are never put there by themselves."
        ),
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("participating countries"), blank=True, related_name="meetings"
    )
    summary = models.TextField(_("summary"), blank=True)
    attendance_total = models.PositiveIntegerField(_("participants in total"), null=True, blank=True)
    attendance_women = models.PositiveIntegerField(_("of whom women"), null=True, blank=True)
    attendance_online = models.PositiveIntegerField(_("of whom online"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(
        _("edit version"), default=1, help_text=_("Counts saves; used to refuse a save based on old data.")
    )

    SEARCH_TITLE = ("title",)
    SEARCH_OTHER = ("summary", "venue", "city")
    search_title = search_column(SEARCH_TITLE)
    search_text = search_column(SEARCH_TITLE + SEARCH_OTHER)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["status", "visibility", "-start_date"], name="meeting_listing")]
        permissions = [
            ("publish_meeting", _("Can publish, unpublish and archive meetings")),
            ("view_partners_meetings", _("Can see partners-only meetings")),
            ("view_internal_meetings", _("Can see internal meetings and drafts")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(attendance_women__isnull=True)
                | Q(attendance_total__isnull=True)
                | Q(attendance_women__lte=F("attendance_total")),
                name="meeting_women_within_total",
                violation_error_message=MSG_WOMEN_OVER_TOTAL,
            ),
            models.CheckConstraint(
                condition=Q(attendance_online__isnull=True)
                | Q(attendance_total__isnull=True)
                | Q(attendance_online__lte=F("attendance_total")),
                name="meeting_online_within_total",
                violation_error_message=MSG_ONLINE_OVER_TOTAL,
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="meeting_ends_after_start",
                violation_error_message=MSG_END_BEFORE_START,
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        total = self.attendance_total
        if total is not None and self.attendance_women is not None and self.attendance_women > total:
            errors["attendance_women"] = MSG_WOMEN_OVER_TOTAL
        if total is not None and self.attendance_online is not None and self.attendance_online > total:
            errors["attendance_online"] = MSG_ONLINE_OVER_TOTAL
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = MSG_END_BEFORE_START
        one_day = not self.end_date or self.end_date == self.start_date
        if one_day and self.start_time and self.end_time and self.end_time < self.start_time:
            errors["end_time"] = MSG_END_TIME_BEFORE_START
        if errors:
            raise ValidationError(errors)
        self.ensure_slug()

    def slug_parts(self) -> tuple[str, ...] | None:
        if not self.start_date:
            return None
        return (str(self.start_date), self.title_en or "meeting")

    def get_absolute_url(self):
        return reverse("meetings:meeting", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        """Optimistic locking: a save based on an older version than the stored one is refused."""
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            stored = (
                type(self)
                ._default_manager.select_for_update()
                .filter(pk=self.pk)
                .values_list("version")
                .first()
            )
            if stored is not None and stored[0] != self.version:
                raise EditConflict(MSG_EDIT_CONFLICT, code="edit_conflict")
            self.version = (stored[0] if stored else self.version) + 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
            return super().save(*args, **kwargs)

    @property
    def last_date(self) -> datetime.date:
        return self.end_date or self.start_date

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def women_share(self) -> float | None:
        if self.attendance_women is None:
            return None
        return share(self.attendance_women, self.attendance_total)


# --- Attendance figures: one definition of totals and shares, for pages, statistics, PDFs and reports ---
# A share is computed only over meetings that recorded both the total and the part, so that a meeting without
# a count of women (or of online participants) does not lower the share.
# One definition of "online" for every figure: a meeting held online or hybrid is an online meeting
# (Meeting.ONLINE_FORMATS); its online participants are the number recorded, or, for a meeting held wholly
# online without that number, all its participants.
HELD_ONLINE = Q(format__in=Meeting.ONLINE_FORMATS)
ONLINE_PARTICIPANTS = Case(
    When(attendance_online__isnull=True, format=Meeting.Format.ONLINE, then=F("attendance_total")),
    default=F("attendance_online"),
)
ONLINE_COUNTED = Q(attendance_online__isnull=False) | Q(format=Meeting.Format.ONLINE)
ATTENDANCE_SUMS = {
    "participants": Sum("attendance_total"),
    "women": Sum("attendance_women", filter=Q(attendance_total__isnull=False)),
    "women_counted": Sum("attendance_total", filter=Q(attendance_women__isnull=False)),
    "online": Sum(ONLINE_PARTICIPANTS, filter=Q(attendance_total__isnull=False)),
    "online_counted": Sum("attendance_total", filter=ONLINE_COUNTED),
}


def share(part, whole) -> float | None:
    """``part / whole``, or None when nothing was counted (never 0 for "unknown")."""
    return (part or 0) / whole if whole else None


def percent(value: float | None) -> int | None:
    return None if value is None else round(100 * value)


class MeetingChildQuerySet(HistoryQuerySet):
    """Records that belong to one meeting are visible exactly when their meeting is."""

    def visible_to(self, user):
        return self.filter(meeting__in=Meeting.objects.visible_to(user))


class MeetingEvent(models.Model):
    """A step of the publication workflow: who moved which meeting from which status to which, and when."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned to draft")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        ARCHIVED = "archived", _("Archived")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("from status"), max_length=20, choices=Meeting.Status.choices)
    to_status = models.CharField(_("to status"), max_length=20, choices=Meeting.Status.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["meeting", "-at", "-pk"]

    def __str__(self):
        return f"{self.meeting} — {self.get_action_display()}"


class MeetingChild(Record):
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE)

    objects = MeetingChildQuerySet.as_manager()

    class Meta:
        abstract = True


class Participation(MeetingChild):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        CO_CHAIR = "co_chair", _("Co-chair")
        HEAD_OF_DELEGATION = "head_of_delegation", _("Head of delegation")
        PRESENTER = "presenter", _("Presenter")
        PARTICIPANT = "participant", _("Participant")
        SECRETARY = "secretary", _("Secretary")
        GUEST = "guest", _("Guest")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="participations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation at the time"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participations",
        help_text=_("Leave empty to use the person's current organisation."),
    )
    position = models.CharField(
        _("position at the time"),
        max_length=400,
        blank=True,
        help_text=_("Leave empty to use the person's position."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    online = models.BooleanField(_("took part online"), default=False)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        default_related_name = "participations"
        ordering = ["meeting", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="participation_once_per_meeting",
                violation_error_message=MSG_DUPLICATE_PARTICIPANT,
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    def clean(self):
        if self.organisation_id is None and self.person_id is not None:
            self.organisation_id = self.person.organisation_id


class OrderedMeetingChild(MeetingChild):
    order = models.PositiveSmallIntegerField(_("number"), default=1)

    class Meta:
        abstract = True
        ordering = ["meeting", "order", "pk"]


class AgendaItem(OrderedMeetingChild):
    """An item of the agenda, usually a report presented to the meeting."""

    title = models.CharField(_("title"), max_length=400)
    presenter = models.ForeignKey(
        Person,
        verbose_name=_("presented by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True)

    SEARCH_TITLE = ("title",)
    SEARCH_OTHER = ("summary",)
    search_title = search_column(SEARCH_TITLE)
    search_text = search_column(SEARCH_TITLE + SEARCH_OTHER)

    class Meta(OrderedMeetingChild.Meta):
        verbose_name = _("agenda item or report")
        verbose_name_plural = _("agenda items and reports")
        default_related_name = "agenda_items"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="agenda_item_order_unique",
                violation_error_message=MSG_ORDER_TAKEN,
            )
        ]

    def __str__(self):
        return self.title


class ReportedItem(OrderedMeetingChild):
    title = models.CharField(_("title"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    SEARCH_TITLE = ("title",)
    SEARCH_OTHER = ("description",)
    search_title = search_column(SEARCH_TITLE)
    search_text = search_column(SEARCH_TITLE + SEARCH_OTHER)

    class Meta(OrderedMeetingChild.Meta):
        abstract = True

    def __str__(self):
        return self.title


class Activity(ReportedItem):
    """Work reported to the meeting."""

    class Meta(ReportedItem.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        default_related_name = "activities"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="activity_order_unique",
                violation_error_message=MSG_ORDER_TAKEN,
            )
        ]


class Achievement(ReportedItem):
    """A result reported to the meeting."""

    class Meta(ReportedItem.Meta):
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        default_related_name = "achievements"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="achievement_order_unique",
                violation_error_message=MSG_ORDER_TAKEN,
            )
        ]


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


UNFINISHED = [ActionItemStatus.OPEN, ActionItemStatus.IN_PROGRESS]


class ActionItemQuerySet(MeetingChildQuerySet):
    def visible_to(self, user):
        """Action items of meetings the reader may see, each with the status the reader may know
        (``shown_status``): the one reported at the latest follow-up the reader may see, else the status
        the item was decided with. A follow-up at a hidden meeting changes nothing a reader sees."""
        queryset = super().visible_to(user)
        if visibility_levels(user) is None:
            return queryset.annotate(shown_status=F("status"))
        latest = (
            ActionItemUpdate.objects.visible_to(user)
            .filter(action_item=OuterRef("pk"))
            .order_by("-meeting__start_date", "-pk")
            .values("status")[:1]
        )
        return queryset.annotate(
            shown_status=Coalesce(Subquery(latest), NullIf(F("decided_status"), Value("")), F("status"))
        )

    def status_field(self) -> str:
        """The column holding the status the reader may know (``shown_status`` once annotated)."""
        return "shown_status" if "shown_status" in self.query.annotations else "status"

    def with_status(self, status: str):
        return self.filter(**{self.status_field(): status})

    def unfinished(self):
        return self.filter(**{f"{self.status_field()}__in": UNFINISHED})

    def overdue(self, today: datetime.date | None = None):
        return self.unfinished().filter(due_date__lt=today or timezone.localdate())


class ActionItem(OrderedMeetingChild):
    """A direction or decision of a meeting, followed up at later meetings."""

    Status = ActionItemStatus

    text = models.TextField(_("direction or decision"))
    responsible = models.ManyToManyField(
        Organisation, verbose_name=_("responsible organisations"), blank=True, related_name="action_items"
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionItemStatus.choices, default=ActionItemStatus.OPEN
    )
    # The status the item had before its first follow-up (kept by services.sync_action_item_status), so a
    # reader who may not see a follow-up is shown the status without it. Empty while there is none.
    decided_status = models.CharField(
        _("status when decided"), max_length=20, choices=ActionItemStatus.choices, blank=True, editable=False
    )

    SEARCH_TITLE = ("text",)
    SEARCH_OTHER = ()
    search_text = search_column(SEARCH_TITLE)

    objects = ActionItemQuerySet.as_manager()

    class Meta(OrderedMeetingChild.Meta):
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        default_related_name = "action_items"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="action_item_order_unique",
                violation_error_message=MSG_ORDER_TAKEN,
            )
        ]

    def __str__(self):
        text = self.text or ""
        return text if len(text) <= 80 else text[:79] + "…"

    def clean(self):
        if self.due_date and self.meeting_id and self.due_date < self.meeting.start_date:
            raise ValidationError({"due_date": MSG_DUE_BEFORE_MEETING})

    @property
    def reader_status(self) -> str:
        """The status as the reader of this row may know it (see ``ActionItemQuerySet.visible_to``)."""
        return getattr(self, "shown_status", None) or self.status

    def get_reader_status_display(self) -> str:
        return str(ActionItemStatus(self.reader_status).label)

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return bool(
            self.due_date
            and self.reader_status in UNFINISHED
            and self.due_date < (today or timezone.localdate())
        )


class ActionItemUpdateQuerySet(MeetingChildQuerySet):
    def visible_to(self, user):
        """A follow-up is visible when both the meeting it was reported at and the meeting that decided its
        action item are: a follow-up links two meetings and shows something of each."""
        return super().visible_to(user).filter(action_item__meeting__in=Meeting.objects.visible_to(user))


class ActionItemUpdate(MeetingChild):
    """Progress on an action item, as reported at a (later) meeting."""

    action_item = models.ForeignKey(
        ActionItem, verbose_name=_("action item"), on_delete=models.CASCADE, related_name="updates"
    )
    status = models.CharField(_("status after this meeting"), max_length=20, choices=ActionItemStatus.choices)
    note = models.TextField(_("progress reported"), blank=True)

    objects = ActionItemUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("action item follow-up")
        verbose_name_plural = _("action item follow-ups")
        default_related_name = "action_item_updates"
        ordering = ["action_item", "meeting__start_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["action_item", "meeting"],
                name="action_item_update_once_per_meeting",
                violation_error_message=_("This action item already has a follow-up at this meeting."),
            )
        ]

    def __str__(self):
        return f"{self.action_item} — {self.get_status_display()}"

    def clean(self):
        if (
            self.meeting_id
            and self.action_item_id
            and self.meeting.start_date < self.action_item.meeting.start_date
        ):
            raise ValidationError({"meeting": MSG_UPDATE_BEFORE_DECISION})


class DocumentQuerySet(MeetingChildQuerySet):
    def visible_to(self, user):
        """Visible when its meeting is, and, for a document with its own level, when that level allows."""
        levels = visibility_levels(user)
        queryset = super().visible_to(user)
        if levels is None:
            return queryset
        return queryset.filter(Q(visibility="") | Q(visibility__in=levels))


class Document(MeetingChild):
    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        MINUTES = "minutes", _("Minutes")
        PRESENTATION = "presentation", _("Presentation")
        LEGAL_TEXT = "legal", _("Legal text")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    class Language(models.TextChoices):
        LAO = "lo", _("Lao")
        ENGLISH = "en", _("English")
        BOTH = "lo+en", _("Lao and English")
        OTHER = "other", _("Other language")

    ALLOWED_EXTENSIONS = ["pdf", "docx", "xlsx", "png", "jpg", "jpeg"]

    kind = models.CharField(_("kind of document"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/",
        validators=[
            FileExtensionValidator(
                ALLOWED_EXTENSIONS,
                message=_(
                    "Files ending in “.%(extension)s” are not allowed. Allowed: %(allowed_extensions)s."
                ),
            ),
            DocumentContentValidator(),
        ],
        help_text=_("PDF, Word (DOCX), Excel (XLSX) or an image (PNG, JPEG)."),
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=20,
        choices=Meeting.Visibility.choices,
        blank=True,
        help_text=_("Leave empty to follow the meeting. A document can be more restricted than its meeting."),
    )
    language = models.CharField(
        _("language of the document"), max_length=8, choices=Language.choices, default=Language.LAO
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        default_related_name = "documents"
        ordering = ["meeting", "kind", "pk"]

    objects = DocumentQuerySet.as_manager()

    def __str__(self):
        return self.title

    def get_download_url(self):
        return reverse("meetings:document_download", kwargs={"pk": self.pk})

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""
