"""Bringing the archive in: WordPress news posts (WXR export files) become draft meetings.

* :mod:`meetings.importing.wxr` reads an export file (untrusted XML, read without DTDs or entities).
* :mod:`meetings.importing.lao_facts` pre-reads the facts of a meeting from a Lao (or English) news text:
  the table of patterns a Lao speaker can extend.
* :mod:`meetings.importing.services` writes: drafts, suggestions, documents; confirming suggestions.
* :mod:`meetings.models.imports` keeps where each draft came from and its unconfirmed suggestions.
"""
