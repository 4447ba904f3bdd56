"""Bringing the archive in: WordPress news posts (WXR export files) become draft meetings.

* :mod:`meetings.importing.wxr` reads an export file (untrusted XML, read without DTDs or entities).
* :mod:`meetings.importing.lao_facts` pre-reads the facts of a meeting from a Lao (or English) news text
  (the date in lao_when, the venue in lao_where, people in lao_people, countries and kind in lao_countries,
  shared patterns in lao_patterns); the tables a Lao speaker extends are in lao_tables.
* :mod:`meetings.importing.services` writes: drafts, suggestions, documents; confirming suggestions.
* :mod:`meetings.models.imports` keeps where each draft came from and its unconfirmed suggestions.
"""
