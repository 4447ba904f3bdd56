"""Countries, organisations, people (officials) and the programmes organisations fund and run."""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, Exists, F, Max, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _

from meetings.models.base import HistoryQuerySet, once_per_content_version
from meetings.models.common import (
    Record,
    no_markup_validator,
    search_column,
    slug_validator,
    visibility_levels,
)
from portal.http.reversed import reverse_kept


def _meeting_models(*names: str) -> list[type[models.Model]]:
    """Models of meetings.py and action_items.py, looked up when a query runs: those modules build on this one."""
    return [apps.get_model("meetings", name) for name in names]


MSG_PARENT_CYCLE = _("An organisation cannot be its own parent, directly or through other units.")
MSG_PROGRAMME_YEARS = _("The last year of a programme cannot be before its first year.")


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
        Meeting, Participation, ActionItem, Activity, Achievement = _meeting_models(
            "Meeting", "Participation", "ActionItem", "Activity", "Achievement"
        )
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
        return reverse_kept("meetings:organisation", slug=self.slug)


class PersonQuerySet(HistoryQuerySet):
    def visible_to(self, user):
        """People are shown only through the meetings a reader may see: a participant or a presenter of a
        visible meeting. Someone known only from hidden meetings (or from none yet) is not shown."""
        if visibility_levels(user) is None:
            return self.all()
        Meeting, Participation, AgendaItem = _meeting_models("Meeting", "Participation", "AgendaItem")
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
        return reverse_kept("meetings:person", slug=self.slug)


class ProgrammeQuerySet(HistoryQuerySet):
    def visible_to(self, user):
        """Programmes no meeting refers to yet, and those of meetings the reader may see."""
        if visibility_levels(user) is None:
            return self.all()
        (Meeting,) = _meeting_models("Meeting")
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
