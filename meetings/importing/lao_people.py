"""People in a Lao news text and their part in the meeting, read from the grammar of the sentence.

A person is an honorific or rank followed by a two-word name. The honorific may be glued to the word before
it (``ໂດຍການເປັນປະທານຂອງທ່ານ ສອນໄຊ …``) or to the name (``ທ່ານ ນາງທຸມມີ …``): it is split off only at an ICU
word boundary. The role comes from the phrase that ends right before the honorific (``ເປັນປະທານຂອງ`` → chair,
``ປະທານຮ່ວມຂອງ`` → co-chair), carried along a list joined by ``,``/``ແລະ``, or from the first verb after the
name and position (``… ໄດ້ກ່າວເປີດກອງປະຊຸມ`` → opened it). A job title such as ຮອງປະທານ… never makes a chair.
"""

from __future__ import annotations

import re
from functools import lru_cache

import icu

from meetings.importing.lao_patterns import modern_spelling
from meetings.importing.lao_tables import (
    CHAIR_BEFORE,
    CLOSED,
    CO_CHAIR_BEFORE,
    HONORIFICS,
    LIST_STOPS,
    MAX_POSITION,
    NOT_NAME_START,
    OPENED,
    OPENED_BY,
    PLAIN_HONORIFICS,
    POSITION_ENDS,
    POSITION_STARTS,
    POSITION_STOPS,
    PRESENTER_BEFORE,
    VERB_START,
)
from meetings.rules.text import normalise_text

_LAO = "\u0e80-\u0eff"
_HONORIFICS = {normalise_text(h): en for h, en in HONORIFICS.items()}
_GLUED = sorted((h for h in _HONORIFICS if " " not in h), key=len, reverse=True)
_PREFIXES = ("ນາງ", "ທ່ານ", "ທ້າວ")
ROLE_RANK = {"co_chair": 4, "chair": 3, "head_of_delegation": 2, "presenter": 1, "participant": 0}


@lru_cache(maxsize=4096)
def word_boundaries(word: str) -> frozenset[int]:
    """ICU word boundaries inside one whitespace-free token (Lao has no spaces between words)."""
    breaker = icu.BreakIterator.createWordInstance(icu.Locale("lo"))
    breaker.setText(word)
    return frozenset([0, *breaker])


def is_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] begins and ends at word boundaries (ICU, within its whitespace token)."""
    lo = start
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    bounds = word_boundaries(text[lo:hi])
    return (start - lo) in bounds and (end - lo) in bounds


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Whitespace tokens, with an honorific glued to the word before it or to the name after it split off
    (at an ICU word boundary only)."""
    out = []
    for m in re.finditer(r"\S+", text):
        start, word = m.start(), m.group()
        bare = word.rstrip(".")
        split = None
        for hon in _GLUED:
            cut = len(bare) - len(hon)
            if cut > 0 and bare.endswith(hon) and cut in word_boundaries(word):
                split = cut
                break
        if split is None:
            for hon in _PREFIXES:
                if word.startswith(hon) and len(word) > len(hon) + 1 and len(hon) in word_boundaries(word):
                    split = len(hon)
                    break
        if split:
            out += [(start, start + split, word[:split]), (start + split, m.end(), word[split:])]
        else:
            out.append((start, m.end(), word))
    return out


def _honorific(tokens, j) -> tuple[str, int] | None:
    """The honorific starting at token j (one or two tokens, a trailing dot allowed) and the tokens it uses."""
    if j + 1 < len(tokens):
        two = f"{tokens[j][2]} {tokens[j + 1][2].rstrip('.')}"
        if two in _HONORIFICS:
            return two, 2
    one = tokens[j][2].rstrip(".")
    return (one, 1) if one in _HONORIFICS else None


def find_people(text: str) -> list[dict]:
    """Each person named with an honorific: offsets, honorifics (Lao, English) and the name."""
    tokens = _tokens(text)
    found, i = [], 0
    while i < len(tokens):
        hon, j = [], i
        while j < len(tokens) and (h := _honorific(tokens, j)):
            hon.append(h[0])
            j += h[1]
        if not hon:
            i += 1
            continue
        previous = tokens[i - 1][2] if i else ""
        counted = hon[0] in PLAIN_HONORIFICS and re.search(r"\d$", previous)
        names = tokens[j : j + 2]
        ok = (
            len(names) == 2
            and all(re.fullmatch(rf"[{_LAO}]{{2,14}}", t[2].rstrip(",.;:")) for t in names)
            and not re.search(r"[,.;:]$", names[0][2])
            and not any(t[2].startswith(w) for t in names for w in NOT_NAME_START)
            and not any(t[2].rstrip(",.;:") in _HONORIFICS for t in names)
        )
        if counted:  # "10 ທ່ານ. ທ່ານ X …": the counter, then maybe a person
            i += 1
            continue
        if not ok:
            i = j if j > i else i + 1
            continue
        name_end = names[1][0] + len(names[1][2].rstrip(",.;:"))
        ranks = [h for h in hon if h not in PLAIN_HONORIFICS] or hon
        found.append(
            {
                "start": tokens[i][0],
                "name_start": names[0][0],
                "end": name_end,
                "name": text[names[0][0] : name_end],
                "honorific_lo": " ".join(ranks),
                "honorific_en": " ".join(_HONORIFICS[h] for h in ranks),
            }
        )
        i = j + 2
    return found


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _ends_with(before: str, phrases) -> bool:
    compact = _compact(before).rstrip(":")  # "ເປັນປະທານໂດຍ: ທ່ານ …"
    return any(compact.endswith(_compact(normalise_text(p))) for p in phrases)


def _in_list(gap: str) -> bool:
    """Whether the text between two people joins them in one list (``…, ທ່ານ …`` or ``… ແລະ ທ່ານ …``)."""
    if len(gap) > 220 or "\n" in gap or ". " in gap:
        return False
    if any(stop in gap for stop in LIST_STOPS if len(stop) == 1):
        return False
    words = [w for w in LIST_STOPS if len(w) > 1]
    for word in words:
        for m in re.finditer(re.escape(word), gap):
            if is_word(gap, m.start(), m.end()):
                return False
    tail = gap.rstrip()
    return tail.endswith(",") or tail.endswith("ແລະ")


def _verb_after(text: str, end: int, limit: int, *, before_name: bool = False) -> str | None:
    """'opened', 'closed', 'chair', 'co_chair' or 'presenter' from the first verb after a name and position.
    ``before_name``: the segment ends where another person's name starts, so a role phrase at its very end
    introduces that person (``ເປັນປະທານ ທ່ານ …``) and says nothing of this one."""
    segment = text[end:limit]
    if before_name:
        segment = segment.rstrip()
        for phrase in sorted({*CHAIR_BEFORE, *CO_CHAIR_BEFORE}, key=len, reverse=True):
            if segment.endswith(phrase):
                segment = segment[: -len(phrase)]
                break
    m = re.search("|".join(VERB_START), segment)
    if not m:
        return None
    rest = segment[m.start() :]
    if any(rest.startswith(v) for v in OPENED):
        return "opened"
    if any(rest.startswith(v) for v in CLOSED):
        return "closed"
    if re.match(r"ເປັນປະທານຮ່ວມ(?:ກອງປະຊຸມ)?\s*(?:[.,;\n]|$)", rest):
        return "co_chair"
    if re.match(r"ເປັນປະທານ(?:ກອງປະຊຸມ)?\s*(?:[.,;\n]|$)", rest) and not segment[: m.start()].endswith("ທັງ"):
        return "chair"
    if re.match(r"ໄດ້(?:ລາຍງານ|ນຳສະເໜີ)", rest):
        return "presenter"
    return None


def _attends(segment: str) -> bool:
    """Whether the verb ເຂົ້າຮ່ວມ (attend), as a word of its own, ends the person's clause (before a comma), with
    no other subject brought in by ມີ ("…, ມີ ທ່ານ C ເຂົ້າຮ່ວມ" is said of others)."""
    clause = re.split(r"[,;:]", segment, maxsplit=1)[0]
    words = [(m.start(), w) for w in ("ເຂົ້າຮ່ວມ", "ມີ") for m in re.finditer(w, clause)
             if is_word(clause, m.start(), m.start() + len(w))]  # fmt: skip
    first = min(words, default=None)
    return first is not None and first[1] == "ເຂົ້າຮ່ວມ"


def roles(text: str, people: list[dict], sentence_end) -> None:
    """Set each person's ``role`` and ``opened``/``closed`` flags (in place)."""
    chain: list[dict] = []
    for index, person in enumerate(people):
        before = text[max(0, person["start"] - 60) : person["start"]]
        person.update(role="participant", opened=False, closed=False)
        person["co_named"] = _ends_with(before, CO_CHAIR_BEFORE)  # "ປະທານຮ່ວມຂອງ ທ່ານ …": co-chairs by name
        if person["co_named"]:
            person["role"], chain = "co_chair", [person]
        elif _ends_with(before, CHAIR_BEFORE):
            person["role"], chain = "chair", [person]
        elif _ends_with(before, PRESENTER_BEFORE):
            person["role"], chain = "presenter", []
        elif chain and _in_list(text[chain[-1]["end"] : person["start"]]):
            chain.append(person)
            for member in chain:  # two or more chairs named together chair jointly
                member["role"] = "co_chair"
        else:
            chain = []
        if _ends_with(before, OPENED_BY):
            person["opened"] = True
        next_start = people[index + 1]["start"] if index + 1 < len(people) else len(text)
        limit = min(next_start, sentence_end(person["end"]))
        # "… ໂດຍໃຫ້ກຽດເປັນປະທານ ທ່ານ B": a role phrase right before the next name is B's, not this person's
        verb = _verb_after(text, person["end"], limit, before_name=limit == next_start < len(text))
        if (
            len(chain) > 1
            and chain[-1] is person
            and not chain[0]["co_named"]
            and _attends(text[person["end"] : limit])
        ):
            # "ເປັນປະທານຂອງ ທ່ານ A, ທ່ານ B ເຂົ້າຮ່ວມ": the list goes on to those who attended, not to co-chairs
            chain[0]["role"] = "chair"
            for member in chain[1:]:
                member["role"] = "participant"
            chain = []
        if verb in ("opened", "closed"):
            person[verb] = True
        elif verb and ROLE_RANK[verb] > ROLE_RANK[person["role"]]:
            person["role"] = verb


_POSITION_STARTS = tuple(modern_spelling(normalise_text(w)) for w in POSITION_STARTS)


def position_after(text: str, end: int) -> str:
    """The position written right after a name (``… ສົມພອນ ວົງສາ ຫົວໜ້າກົມແຜນການ, …``), or "" when what follows
    is not a job title: it must start with a title word (POSITION_STARTS), end before a clause goes on (a
    verb, even glued: POSITION_STOPS at an ICU word boundary) and be at most MAX_POSITION long."""
    rest = text[end : end + MAX_POSITION + 60].lstrip(" ")
    cut = min([i for i in (rest.find(stop) for stop in POSITION_ENDS) if i > 0] + [len(rest)])
    for word in POSITION_STOPS:
        for m in re.finditer(re.escape(word), rest[:cut]):
            if m.start() > 0 and is_word(rest, m.start(), m.end()):
                cut = m.start()
                break
    position = rest[:cut].strip(" ,")
    return position if is_position(position) else ""


def is_position(text: str) -> bool:
    """Whether ``text`` reads as a job title: a title word first, no clause word, not too long."""
    if not text or len(text) > MAX_POSITION or not modern_spelling(text).startswith(_POSITION_STARTS):
        return False
    return not any(
        m.start() > 0 and is_word(text, m.start(), m.end())
        for word in POSITION_STOPS
        for m in re.finditer(re.escape(word), text)
    )
