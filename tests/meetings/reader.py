"""The fact reader as the reader tests call it: Lao text, the seeded names and countries, no database."""

from meetings.importing.lao_facts import Known, read_facts

KNOWN = Known.for_evaluation()


def read(text, **kw):
    """The reading of ``text`` (Lao unless ``language`` is given; other keywords go to ``read_facts``)."""
    return read_facts(text, known=KNOWN, **{"language": "lo", **kw})


def people(reading):
    """The people read, by their Lao name (their Latin one when only that was written)."""
    return {f.value["name_lo"] or f.value["name_en"]: f.value for f in reading.facts if f.field == "person"}
