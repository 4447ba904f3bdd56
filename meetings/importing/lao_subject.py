"""Whether a news post is about a meeting: a meeting word said of an event, not of a room, a device or a past act.

A post is about a meeting when one of its meeting words (``MEETING_WORDS``) names a meeting that took place. Each
use is read by the grammar around it, and these uses name none:

* the word qualifies a thing, not an event: a device or system (``ອຸປະກອນການປະຊຸມທາງໄກ``, ``ລະບົບ…``) or a trial
  of one (``ທົດລອງປະຊຸມທາງໄກ``); a room, hall or centre (``ຫ້ອງປະຊຸມ``, ``ສູນຝຶກອົບຮົມ``) unless it is where
  something took place (``ທີ່``/``ຢູ່`` before it: ``ຢູ່ທີ່ຫ້ອງປະຊຸມ``);
* the meeting is a past reference or the source of a decision: ``ຕາມມະຕິກອງປະຊຸມ``, ``ກອງປະຊຸມທີ່ຜ່ານມາ``,
  ``ກອງປະຊຸມ … ໄດ້ຮັບຮອງເອົາ …`` (what a meeting decided, as any news may cite it);
* the meeting is only the occasion of the news (``ເນື່ອງໃນໂອກາດກອງປະຊຸມ…``, ``ໃນໂອກາດທີ່ … ເຂົ້າຮ່ວມກອງປະຊຸມ…``),
  unless the same sentence says, before the occasion, that talks took place (``ໄດ້ພົບປະກັບ``, ``ປຶກສາຫາລື``):
  leaders meeting on the sidelines of a summit is a meeting; a visit on the occasion of one is not. A meeting
  held in the clause (``ເນື່ອງໃນໂອກາດວັນແມ່ຍິງ ສະຫະພັນ … ໄດ້ຈັດກອງປະຊຸມ``) is the news, whatever its occasion;
* ``ໃນໂອກາດນີ້``/``ໃນໂອກາດດັ່ງກ່າວ`` ("on this occasion") points back to the news's own event: no occasion;
* the meeting is a complement of another act, unless a verb of holding governs it: the possessor of another noun
  (``ໝາກຜົນ … ຂອງກອງປະຊຸມ``), inside a clause of purpose (``ເພື່ອປະກອບສ່ວນເຮັດໃຫ້ການດຳເນີນກອງປະຊຸມ``), or in an
  aside added to the news's own act (``ພ້ອມກັນນັ້ນຍັງໄດ້ … ເຂົ້າຮ່ວມປະຊຸມ``);
* in a Lao text, an English word (a gloss or a product's name, "True Conference"): the Lao words decide.

With no meeting word, the post's opening (headline and lead) may still report a meeting held, in the structure of
official news: a gathering of speech (a lecture, a press conference, a dissemination, a summing-up, a founding-day
ceremony) held by the news's subject, or talks or a reception with an official or a delegation as their object (a
bilateral meeting, a courtesy call); not one to come or a purpose, and not when named only further down.

The text is read in the portal's stored form (:func:`meetings.rules.text.normalise_text`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from meetings.importing.lao_patterns import LAO, sentence_bounds
from meetings.importing.lao_patterns import alt as _alt
from meetings.importing.lao_people import is_word
from meetings.importing.lao_tables import (
    HELD_VERBS,
    HOLDS,
    MEETING_BASED_ON,
    MEETING_DECIDED,
    MEETING_HOLD_VERBS,
    MEETING_OCCASION,
    MEETING_OWN,
    MEETING_PAST_AFTER,
    MEETING_PAST_BEFORE,
    MEETING_PLACE_NOUNS,
    MEETING_PLANNED,
    MEETING_THING_NOUNS,
    MEETING_TOPIC_BEFORE,
    MEETING_WORDS,
    OCCASION_THIS,
    RECEPTIONS,
    SPEECH_EVENTS,
    TALK_PARTNERS,
    TALKS,
)
from meetings.rules.text import normalise_text

_AT = r"(?:ທີ່|ທີ|ຢູ່)\s*$"  # "ທີ" is a common typing of ທີ່ before a place ("ຢູ່ທີຫ້ອງປະຊຸມ")
_CLAUSE_END = re.compile(r"[,.;:()\n“”\"]|\s(?:ຊຶ່ງ|ເຊິ່ງ)")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    return {
        "word": re.compile(_alt(MEETING_WORDS), re.IGNORECASE),
        "thing": re.compile(rf"(?:{_alt(MEETING_THING_NOUNS)})\s*(?:ການ)?\s*$"),
        "place": re.compile(rf"(?:{_alt(MEETING_PLACE_NOUNS)})\s*(?:ການ)?\s*$"),
        "past_before": re.compile(rf"(?<!ຕິດ)(?:{_alt(MEETING_PAST_BEFORE)})\s*(?:ການ)?\s*$"),  # not ຕິດຕາມ
        "past_after": re.compile(rf"^[^,.\n]{{0,60}}?(?:{_alt(MEETING_PAST_AFTER)})"),
        "decided": re.compile(rf"^[^,.;\n]{{0,120}}?\sໄດ້(?:{_alt(MEETING_DECIDED)})"),
        # between the meeting and "past" or its decision: the news's own meeting, held or dated ("ກອງປະຊຸມຄັ້ງນີ້
        # ໄດ້ຮັບຮອງເອົາ", "ກອງປະຊຸມໄດ້ຈັດຂຶ້ນໃນວັນທີ 5 ມີນາ ທີ່ຜ່ານມາ")
        "own": re.compile(_alt([*HELD_VERBS, *MEETING_OWN, "ໄດ້ຈັດ", "ເປີດ", "ໄຂ", "ປິດ"])),
        "occasion": re.compile(rf"(?:{_alt(MEETING_OCCASION)})(?!\s*(?:{_alt(OCCASION_THIS)}))"),
        "talks": re.compile(_alt(TALKS)),
        # held right here: the object of a verb of holding ("ໄດ້ຈັດກອງປະຊຸມ") or the subject of one in its clause
        # ("ກອງປະຊຸມ … ໄດ້ໄຂຂຶ້ນ"), whatever occasion the sentence names first
        "holds_it": re.compile(rf"(?:{_alt([*HOLDS, 'ດຳເນີນ', 'ປິດ'])})\s*$"),
        "held_by_it": re.compile(rf"^[^,.;:()\n“”\"]{{0,120}}?(?:{_alt(HELD_VERBS)}|ໄດ້ເປີດ|ໄດ້ໄຂ|ໄດ້ດຳເນີນ)"),
        # not held yet: "ຈະຈັດກອງປະຊຸມ", "ເລື່ອນເວລາຈັດຕັ້ງກອງປະຊຸມ" before it; "ກອງປະຊຸມ … ຊຶ່ງຈະຈັດຂຶ້ນ" after it
        "planned_before": re.compile(
            rf"(?:{_alt(MEETING_PLANNED)})\s*(?:ເວລາ)?\s*(?:{_alt(MEETING_HOLD_VERBS)})\s*(?:ການ)?\s*$"
        ),
        "planned_after": re.compile(rf"^(?P<gap>[^.\n]{{0,80}}?)ຈະ\s*(?:{_alt(MEETING_HOLD_VERBS)})"),
        "topic": re.compile(
            rf"(?:(?:{_alt(MEETING_TOPIC_BEFORE)})\s*(?:ການ\S{{0,10}})?\s*(?:ກອງ\s*)?"  # "ວ່າດ້ວຍການດຳເນີນກອງ ປະຊຸມ"
            rf"|(?:{_alt(MEETING_TOPIC_BEFORE)})\s*(?:ກອງ)?ປະຊຸມ[^,.;\n]{{0,60}}ແລະ\s*"  # "ສຳລັບກອງປະຊຸມ X ແລະ…"
            rf"|(?:{_alt(MEETING_BASED_ON)})[^,.;\n]*)$"
        ),
        "this_one": re.compile(rf"^[^\s,.;]{{0,30}}\s*(?:{_alt(MEETING_OWN)})"),
        # a gathering of speech held (SPEECH_EVENTS): the object of ຈັດ/ຈັດຕັ້ງ [ພິທີ], not in ອົງການຈັດຕັ້ງ, nor
        # planned (ຈະຈັດ, ກຳນົດຈັດ); or a ceremony of one, the subject of a verb of holding in its clause
        "speech_held": re.compile(
            rf"(?<!ອົງການ)ຈັດ(?:ຕັ້ງ)?\s*(?:ພິທີ)?\s*(?:{_alt(SPEECH_EVENTS)})"
            rf"|ພິທີ\s*(?:{_alt(SPEECH_EVENTS)})[^,.;:\n]{{0,200}}?(?<!ຈະ)(?<!ຈະ\s)(?:{_alt(HELD_VERBS)})"
        ),
        # talks or a reception with an official or a delegation as the object (TALK_PARTNERS), through ກັບ or a
        # visit of theirs ("ຕ້ອນຮັບການມາຢ້ຽມຢາມ ແລະ ເຮັດວຽກ ຂອງ ຄະນະຜູ້ແທນ")
        "talks_with": re.compile(
            rf"(?:{_alt([*TALKS, *RECEPTIONS])})\s*(?:ກັບ)?\s*"
            rf"(?:ການ(?:ເຂົ້າ|ມາ)?\s*ຢ້ຽມຢາມ[^,.;:\n]{{0,40}}?ຂອງ\s*)?(?:{_alt(TALK_PARTNERS)})"
        ),
        # a purpose ("ເພື່ອພົບປະກັບ", "ເພື່ອການຈັດຕັ້ງເຜີຍແຜ່") or a greeting ("ຍິນດີຕ້ອນຮັບທ່ານ…"), not an act reported
        "purpose_end": re.compile(r"(?:ເພື່ອ\s*(?:ການ)?|ຍິນດີ)\s*(?:ເຂົ້າ)?\s*$"),
        "planned_end": re.compile(rf"(?:{_alt(MEETING_PLANNED)})\s*(?:ເວລາ)?\s*(?:ໄດ້)?\s*$"),
        # a complement, not the news: the possessor of another noun ("ໝາກຜົນ … ຂອງກອງປະຊຸມ"), inside a clause of
        # purpose ("ເພື່ອປະກອບສ່ວນເຮັດໃຫ້ການດຳເນີນກອງປະຊຸມ…"), or in a sentence that adds an aside to the news's own
        # act ("ພ້ອມກັນນັ້ນຍັງໄດ້ … ເຂົ້າຮ່ວມປະຊຸມ")
        "possessor": re.compile(r"ຂອງ\s*(?:ການ)?\s*$"),
        "purpose": re.compile(r"ເພື່ອ[^,.;:\n]*$"),
        "aside": re.compile(r"(?:ພ້ອມກັນນັ້ນ|ນອກຈາກນີ້|ນອກຈາກນັ້ນ|ນອກນັ້ນ)[^.;\n]*$"),
    }


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins: after a comma, a bracket, a line or a relative ``ຊຶ່ງ``."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, max(0, pos - 200), pos)]
    return ends[-1] if ends else max(0, pos - 200)


def _opening_end(text: str) -> int:
    """Where the post's opening ends: its first two sentences with words (the headline and the lead)."""
    pos, seen = 0, 0
    while pos < len(text):
        start, end = sentence_bounds(text, pos)
        seen += bool(re.search(f"[{LAO}]", text[start:end]))  # a Latin dateline ("(GMT+08:00) … cri") is none
        if seen == 2:
            return end
        pos = end + 1
    return len(text)


def _talks_first(text: str, start: int, upto: int) -> bool:
    """Whether the opening sentence holding ``start`` says, before ``upto``, that talks took place."""
    sentence_start = sentence_bounds(text, start)[0]
    return sentence_start < _opening_end(text) and bool(
        _patterns()["talks"].search(text[sentence_start:upto])
    )


def _names_a_meeting(text: str, start: int, end: int, lao: bool) -> bool:
    """Whether the meeting word at ``text[start:end]`` names a meeting that took place (see the module)."""
    p = _patterns()
    if lao and not re.match(f"[{LAO}]", text[start]):
        return False
    before, after = text[max(0, start - 40) : start], text[end : end + 200]
    if p["thing"].search(before):
        return False
    place = p["place"].search(before)
    if place:
        return bool(re.search(_AT, before[: place.start()]))
    clause_start = _clause_start(text, start)
    past = p["past_after"].search(after) or p["decided"].search(text[start:end] + after)
    if p["past_before"].search(before) or (past and not p["own"].search(past.group())):
        return _talks_first(text, start, start)
    if _planned(text, start, before, after):
        return False
    held_here = p["holds_it"].search(before) or p["held_by_it"].search(after)
    holds = p["holds_it"].search(before)
    verbal_noun = holds and before[: holds.start()].rstrip().endswith("ການ")  # "ວ່າດ້ວຍການດຳເນີນກອງປະຊຸມ"
    if (
        not (held_here and not verbal_noun)
        and not p["this_one"].search(after)
        and _complement(text, start, clause_start, before)
    ):
        return _talks_first(text, start, start)
    occasion = p["occasion"].search(text[clause_start:start])
    if occasion and not held_here:
        return _talks_first(text, start, clause_start + occasion.start())
    topic = p["topic"].search(text[clause_start:start])  # from the clause's start: ອີງຕາມ anywhere in it
    if (
        topic
        and not (holds and not verbal_noun)
        and not p["held_by_it"].search(after)
        and not p["this_one"].search(after)
    ):
        return _talks_first(text, start, clause_start + topic.start())
    return True


def _complement(text: str, start: int, clause_start: int, before: str) -> bool:
    """Whether the meeting at ``start`` is a complement of another act, not the news: a possessor ("ຜົນສຳເລັດ
    ຂອງກອງປະຊຸມ"), in a clause of purpose (ເພື່ອ earlier in its clause) or in an aside ("ພ້ອມກັນນັ້ນ …")."""
    p = _patterns()
    return bool(
        p["possessor"].search(before)
        or p["purpose"].search(text[clause_start:start])
        or p["aside"].search(text[sentence_bounds(text, start)[0] : start])
    )


def _planned(text: str, start: int, before: str, after: str) -> bool:
    """Whether the meeting at ``start`` is one to be held (MEETING_PLANNED before a verb of holding it, or ຈະ + a
    verb of holding after it with nothing between that makes it the news's own: "ກອງປະຊຸມຄັ້ງນີ້ ຈະ…" is)."""
    p = _patterns()
    if p["planned_before"].search(before):
        return True
    later = p["planned_after"].search(after)
    if not later or p["own"].search(later["gap"]):
        return False
    return is_word(after, later.end("gap"), later.end("gap") + 2)  # ຈະ, not the end of another word


def _held_in_opening(text: str) -> bool:
    """Whether the post's opening (headline and lead) reports, with no meeting word, a meeting held: a gathering of
    speech (SPEECH_EVENTS) as the object of a verb of holding ("ໄດ້ຈັດພິທີປາຖະກະຖາ") or, as a ceremony, the subject
    of one ("ພິທີສະເຫຼີມສະຫຼອງວັນສ້າງຕັ້ງ … ໄດ້ຈັດຂຶ້ນ"); or talks or a reception with an official or a delegation as
    their object ("ພົບປະກັບ ສະຫາຍ …", "ຕ້ອນຮັບປະທານປະເທດ…"), a bilateral meeting or a courtesy call. Not one to come
    (ຈະ, a word of scheduling) nor a purpose (ເພື່ອ) right before it; named further down (a lecture among other
    news, a call during a working visit), it is not the news."""
    p = _patterns()
    opening = text[: _opening_end(text)]
    for pattern in (p["speech_held"], p["talks_with"]):
        for m in pattern.finditer(opening):
            before = opening[max(0, m.start() - 20) : m.start()]
            if not (p["planned_end"].search(before) or p["purpose_end"].search(before)):
                return True
    return False


def looks_like_meeting(title: str, text: str) -> bool:
    """Whether a post is about a meeting: one of its meeting words names a meeting that took place, or its opening
    reports a gathering of speech or talks held (:func:`_held_in_opening`)."""
    whole = normalise_text(f"{title}\n{text}")
    lao = bool(re.search(f"[{LAO}]", whole))
    return any(
        _names_a_meeting(whole, m.start(), m.end(), lao) for m in _patterns()["word"].finditer(whole)
    ) or (lao and _held_in_opening(whole))
