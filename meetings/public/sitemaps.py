"""sitemap.xml: every public page in Lao and English (``i18n = True`` with ``hreflang`` alternates).

A sitemap is for search engines, so it lists what an anonymous reader may see
(:mod:`meetings.selectors` for ``AnonymousUser()``), never more.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from meetings import selectors


class _I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(_I18nSitemap):
    def items(self):
        return [
            "meetings:home",
            "meetings:meeting_list",
            "meetings:organisation_list",
            "meetings:person_list",
            "meetings:action_items",
            "meetings:statistics",
            "meetings:open_data",
        ]

    def location(self, item):
        return reverse(item)


class YearArchiveSitemap(_I18nSitemap):
    def items(self):
        return [d.year for d in selectors.meetings(AnonymousUser()).dates("start_date", "year")]

    def location(self, item):
        return reverse("meetings:year_archive", kwargs={"year": item})


class MeetingSitemap(_I18nSitemap):
    def items(self):
        return selectors.meetings(AnonymousUser()).order_by("start_date", "pk")

    def lastmod(self, item):
        return item.updated_at


class OrganisationSitemap(_I18nSitemap):
    def items(self):
        return selectors.organisations(AnonymousUser()).order_by("slug")


class PersonSitemap(_I18nSitemap):
    def items(self):
        return selectors.people(AnonymousUser()).order_by("slug")


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "years": YearArchiveSitemap,
    "meetings": MeetingSitemap,
    "organisations": OrganisationSitemap,
    "people": PersonSitemap,
}
