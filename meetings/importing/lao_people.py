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
    GLUED_TITLES,
    HONORIFICS,
    LIST_STOPS,
    MAX_POSITION,
    NOT_NAME_START,
    NOT_NAME_WORDS,
    OPENED,
    OPENED_BY,
    PLAIN_HONORIFICS,
    POSITION_ENDS,
    POSITION_STARTS,
    POSITION_STOPS,
    PRESENTER_BEFORE,
    VERB_START,
    VIETNAMESE_FAMILY_NAMES,
)
from meetings.rules.text import normalise_text

_LAO = "\u0e80-\u0eff"
_HONORIFICS = {normalise_text(h): en for h, en in HONORIFICS.items()}
_GLUED = sorted((h for h in _HONORIFICS if " " not in h), key=len, reverse=True)
_PREFIXES = ("ນາງ", "ທ່ານ", "ທ້າວ")
_POSITION_STARTS = tuple(modern_spelling(normalise_text(w)) for w in POSITION_STARTS)
_GLUED_TITLES = tuple(normalise_text(w) for w in GLUED_TITLES)
_NOT_NAME_WORDS = tuple(normalise_text(w) for w in NOT_NAME_WORDS)
# What may follow a one-word Vietnamese name: a title, a verb or a word that never starts a name
_CLAUSE_STARTS = (*_POSITION_STARTS, *VERB_START, *NOT_NAME_START, "(", "-")
# A speech named before its speaker, as a clause of its own: ", ກ່າວຄຳເຫັນປິດກອງປະຊຸມ, ທ່ານ X …" (a comma before it:
# "ທ່ານ A ກ່າວເປີດກອງປະຊຸມ, ທ່ານ B …" is said of A, who is its subject).
_FRONTED_SPEECH = re.compile(r"[,.;\n]\s*ກ່າວ(?:ຄຳເຫັນ)?(?P<verb>ເປີດ|ໄຂ|ປິດ)ກອງປະຊຸມ(?:ໃຫຍ່)?\s*,\s*$")
# A role, then ມີ (there were) right before the people who hold it: "ເຂົ້າຮ່ວມ ແລະ ເປັນປະທານຮ່ວມທີ່ກອງປະຊຸມສຳມະນາ ມີ
# ທ່ານ A …; ທ່ານ B …" (those co-chairing were A, B, …); the list may be joined by semicolons.
_ROLE_THERE_WERE = re.compile(r"ເປັນປະທານ(?P<co>ຮ່ວມ)?\s*(?:(?:ທີ່|ໃນ)\s*)?(?:ກອງປະຊຸມ[^\s,.;]*)?\s*ມີ\s*$")
_CHAIR_SUBJECT = re.compile(
    r"(?:^|[,.;\n])\s*ປະທານກອງປະຊຸມ(?:ໃຫຍ່)?\s*(?:ກໍ່|ກໍ)?\s*(?:ໄດ້)?\s*ກ່າວ(?:ຄຳເຫັນ)?(?P<verb>ເປີດ|ໄຂ|ປິດ)", re.M
)
# chaired and did another thing, one phrase of both ("ໂດຍການເປັນປະທານ ແລະ ເຜີຍແຜ່ຂອງ ທ່ານ …")
_CHAIR_AND = re.compile(r"(?:ໂດຍ|ພາຍໃຕ້)\s*ການເປັນປະທານ\s*ແລະ\s*[^\s,.;]{1,20}ຂອງ\s*$")
_LATIN_WORD = r"[A-Z][A-Za-z'-]{1,20}"
_LATIN_MORE = r"[A-ZÀ-Þ][A-Za-zß-ÿ'-]{1,20}"  # a further word of a foreign name, accents allowed ("López")
# Lao words of a clause that no Vietnamese name's syllable is spelt as (ທັງ, ມີ may be: Thắng, Mỹ)
_CLAUSE_WORDS = {"ໄດ້", "ກ່າວ", "ເປັນ", "ຍັງ", "ຈະ", "ກໍ", "ກໍ່", "ໃຫ້", "ຢູ່", "ໄປ", "ມາ", "ກັບ", "ແລະ", "ຂອງ", "ທີ່", "ໂດຍ", "ເຊິ່ງ", "ຊຶ່ງ", "ພ້ອມ"}  # fmt: skip
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


def _inner_honorific(word: str) -> tuple[int, int] | None:
    """(start, end) of an honorific inside a word, right after ຂອງ or ໂດຍ and before more letters, all at ICU word
    boundaries ("ໂດຍການເປັນປະທານຂອງທ່ານສົມບູນ")."""
    if "ຂອງ" not in word and "ໂດຍ" not in word:  # the marker must be inside the word (most words: no)
        return None
    for hon in _GLUED:
        if hon not in word:
            continue
        for m in re.finditer(re.escape(hon), word):
            lo, hi = m.span()
            if (
                word[:lo].endswith(("ຂອງ", "ໂດຍ"))
                and hi < len(word) - 1
                and {lo, hi} <= word_boundaries(word)
            ):
                return lo, hi
    return None


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Whitespace tokens (a comma ends one even with no space after it), with an honorific glued to the word
    before it or to the name after it split off (at an ICU word boundary only); an honorific glued on both sides
    is split off after the markers that introduce a person (``…ປະທານຂອງທ່ານສົມບູນ``: ຂອງ, ໂດຍ)."""
    out = []
    for m in re.finditer(r"[^\s,]+,?|,", text):
        start, word = m.start(), m.group()
        bare = word.rstrip(".")
        inner = _inner_honorific(word)
        if inner:
            out += [
                (start, start + inner[0], word[: inner[0]]),
                (start + inner[0], start + inner[1], word[inner[0] : inner[1]]),
            ]
            start, word = start + inner[1], word[inner[1] :]
            out.append((start, m.end(), word))
            continue
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
    return _abbreviations_split(out)


def _abbreviations_split(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An honorific abbreviated with a dot and glued to the name split off it ("ທ່ານ ນ.ຈັນທະບູນ", "ທ່ານນ.ຈັນທະບູນ"):
    the abbreviation alone, or with the honorific before it, must be one (``ທ່ານ ນ``)."""
    out: list[tuple[int, int, str]] = []
    for start, end, word in tokens:
        m = _ABBREVIATED.match(word)
        previous = out[-1][2] if out else ""
        if m and (m["hon"] in _HONORIFICS or f"{previous} {m['hon']}" in _HONORIFICS):
            out += [(start, start + m.end(), word[: m.end()]), (start + m.end(), end, word[m.end() :])]
        else:
            out.append((start, end, word))
    return out


def _honorific(tokens, j) -> tuple[str, int] | None:
    """The honorific starting at token j (one or two tokens, a trailing dot allowed) and the tokens it uses."""
    if j + 1 < len(tokens):
        two = f"{tokens[j][2]} {tokens[j + 1][2].rstrip('.')}"
        if two in _HONORIFICS:
            return two, 2
    one = tokens[j][2].rstrip(".")
    return (one, 1) if one in _HONORIFICS else None


_PUNCT = ",.;:"
# An honorific or rank abbreviated with a dot and glued to the name ("ທ່ານນ.ຈັນທະບູນ", "ປອ.ສົມພອນ")
_ABBREVIATED = re.compile(rf"(?P<hon>[{_LAO}]{{1,6}})\.(?=[{_LAO}]{{2}})")
_VIETNAMESE = tuple(normalise_text(n) for n in VIETNAMESE_FAMILY_NAMES)


def _name_word(word: str) -> bool:
    """Whether a word (punctuation stripped) can be a word of a name: Lao letters only, not a phrase's start."""
    return (
        re.fullmatch(rf"[{_LAO}]{{2,14}}", word) is not None
        and not word.startswith(tuple(NOT_NAME_START))
        and word not in _HONORIFICS
    )


def _glued_title(word: str) -> int | None:
    """Where a job title glued to a name's last word begins ("ເຮືອງວົງສາຮອງເຈົ້າແຂວງ"): at an ICU word boundary, a
    title word of GLUED_TITLES followed by more of the title (a bare ຮອງ may end a name), at least three letters of
    name before it."""
    for cut in sorted(word_boundaries(word)):
        rest = word[cut:]
        title = next((t for t in _GLUED_TITLES if rest.startswith(t)), None)
        deputy = title == "ຮອງ" and not modern_spelling(rest[len(title) :]).startswith(_POSITION_STARTS)
        if cut >= 3 and title and not deputy and len(rest) >= len(title) + 3 and is_position(rest):
            return cut
    return None


def _vietnamese_name(word: str) -> bool:
    """Whether a word is a Vietnamese name written as one word: a family name (VIETNAMESE_FAMILY_NAMES) that ends
    its syllable (no vowel or tone mark follows: "ມາຍັງ…", came to, is not Mai), then no Lao word of a clause
    (ICU segments: "ຫງວຽນ…ຍັງໄດ້…" is a sentence)."""
    family = next((f for f in _VIETNAMESE if word.startswith(f)), None)
    if not family or re.match(r"[\u0eb1-\u0ebc\u0ec8-\u0ecd]", word[len(family) :]):
        return False
    bounds = sorted(word_boundaries(word))
    segments = {word[a:b] for a, b in zip(bounds, bounds[1:], strict=False)}
    return not segments & _CLAUSE_WORDS


def _surname_before_title(text: str, token: tuple[int, int, str], last: str) -> bool:
    """A surname that begins like a title word ("ທ່ານ ສະເຫຼີມໄຊ ກົມມະສິດ, ລັດຖະມົນຕີ…": ກົມ) is still the name's last
    word when a comma ends it and a job title follows: "name, position" is how news names a person."""
    return (
        re.fullmatch(rf"[{_LAO}]{{4,14}}", last) is not None
        and last not in NOT_NAME_START
        and last not in _HONORIFICS
        and not is_position(last)  # "ທ່ານ ແສງແກ້ວ ຫົວໜ້າກົມ, …": a one-word name and a title
        and token[2] == last + ","
        and bool(position_after(text, token[1]))
    )


def _name_end(text: str, tokens: list, j: int) -> tuple[int, int] | None:
    """Where the name that starts at token j ends, and how many tokens it takes; None when no name starts there.

    A name is two words (Lao, or Latin letters); a Vietnamese name may be one word (VIETNAMESE_FAMILY_NAMES) when a clause or a title
    follows it; a title glued to the last word is cut off (GLUED_TITLES); a third word belongs to the name when the
    name runs on to a job title only through it ("ທ່ານ ໂອ ລົດ ສີສູນທອນ ກຳມະການພັກເມືອງ")."""
    if j >= len(tokens):
        return None
    first = tokens[j][2]
    bare = first.rstrip(_PUNCT)
    after = tokens[j + 1][2] if j + 1 < len(tokens) else ""
    if (
        _vietnamese_name(bare)
        and re.fullmatch(rf"[{_LAO}]{{6,24}}", bare)
        and (bare != first or not after or after.startswith(_CLAUSE_STARTS))
    ):
        return tokens[j][0] + len(bare), 1
    if j + 1 >= len(tokens) or bare != first:
        return None
    latin = tokens[j + 1][2].rstrip(_PUNCT)
    if (
        re.fullmatch(_LATIN_WORD, bare)
        and re.fullmatch(_LATIN_WORD, latin)
        and re.search("[a-z]", bare + latin)
    ):
        # a foreign name in Latin letters: "ທ່ານ ນາງ Battsetseg Batmunkh"; two more capitalised words when no
        # punctuation comes between ("ທ່ານ ນາງ Ana Julia Marine López ຮອງລັດຖະມົນຕີ")
        k = j + 1
        while (
            k + 1 < min(len(tokens), j + 4)
            and tokens[k][2] == latin
            and re.fullmatch(_LATIN_MORE, tokens[k + 1][2].rstrip(_PUNCT))
        ):
            k, latin = k + 1, tokens[k + 1][2].rstrip(_PUNCT)
        return tokens[k][0] + len(latin), k - j + 1
    if not _name_word(bare):
        return None
    second = tokens[j + 1]
    last = second[2].rstrip(_PUNCT)
    cut = _glued_title(last)
    last = last[:cut] if cut else last
    if not _name_word(last) and not _surname_before_title(text, second, last):
        return None
    end = second[0] + len(last)
    if cut is None and last == second[2] and j + 2 < len(tokens):
        third = tokens[j + 2][2].rstrip(_PUNCT)
        third_end = tokens[j + 2][0] + len(third)
        if (
            _name_word(third)
            and re.search("[\u0eb0-\u0ebd\u0ec0-\u0ec4]", third)  # a word, not an acronym (ສສຊ, a deputy)
            and not third.startswith(_NOT_NAME_WORDS)
            and not position_after(text, end)
            and position_after(text, third_end)
        ):
            return third_end, 3
    return end, 2


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
        if hon[0] in PLAIN_HONORIFICS and re.search(r"\d$", previous):
            i += 1  # "10 ທ່ານ. ທ່ານ X …": the counter, then maybe a person
            continue
        named = _name_end(text, tokens, j)
        if named is None:
            i = j if j > i else i + 1
            continue
        name_end, used = named
        ranks = [h for h in hon if h not in PLAIN_HONORIFICS] or hon
        found.append(
            {
                "start": tokens[i][0],
                "name_start": tokens[j][0],
                "end": name_end,
                "name": text[tokens[j][0] : name_end],
                "honorific_lo": " ".join(ranks),
                "honorific_en": " ".join(_HONORIFICS[h] for h in ranks),
            }
        )
        i = j + used
    return found


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _ends_with(before: str, phrases) -> bool:
    compact = _compact(before).rstrip(":")  # "ເປັນປະທານໂດຍ: ທ່ານ …"
    return any(compact.endswith(_compact(normalise_text(p))) for p in phrases)


def _in_list(gap: str, semicolons: bool = False) -> bool:
    """Whether the text between two people joins them in one list (``…, ທ່ານ …`` or ``… ແລະ ທ່ານ …``; with
    ``semicolons``, a list that a role + ມີ introduces, also ``…; ທ່ານ …``)."""
    gap = gap.replace(";", ",") if semicolons else gap
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


def _position_only(gap: str) -> bool:
    """Whether the text between two people of a list of co-chairs named as such ("ປະທານຮ່ວມຂອງ ທ່ານ A ກຳມະການພັກ
    ເມືອງ ທ່ານ B …") is only the first one's position: the next honorific starts the next member."""
    gap = gap.strip()
    return bool(gap) and modern_spelling(gap).startswith(_POSITION_STARTS) and _in_list(gap + " ແລະ")


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
    if re.match(r"ເປັນປະທານ(?:ກອງປະຊຸມ)?\s*(?:[.,;\n]|$)", rest) and segment[: m.start()].rstrip().endswith(
        "ຮ່ວມກັນ"
    ):
        return "jointly"  # "ທ່ານ A … ແລະ ທ່ານ B … ຮ່ວມກັນເປັນປະທານ": the people listed chaired together
    if re.match(r"(?:ໄດ້)?\s*ເປັນປະທານ\s*(?:ແລະ)?\s*(?:ໄດ້)?\s*ກ່າວ(?:ເປີດ|ໄຂ)", rest):
        return "chair_opened"  # "ໄດ້ເປັນປະທານກ່າວເປີດ": chaired and opened it (serial verbs, one subject)
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
        # "ເປັນປະທານຮ່ວມທີ່ກອງປະຊຸມ ມີ ທ່ານ A …; ທ່ານ B …", the role opening its clause: not "ທ່ານ A ເປັນປະທານ ມີ ທ່ານ B"
        there_were = _ROLE_THERE_WERE.search(before)
        role_at = person["start"] - len(before) + (there_were.start() if there_were else 0)
        if there_were and index and people[index - 1]["end"] > _clause_start(text, role_at):
            there_were = None
        if there_were:
            person["co_named"] = there_were["co"] is not None
            person["role"], chain = ("co_chair" if person["co_named"] else "chair"), [person]
            person["semicolons"] = True
        elif person["co_named"]:
            person["role"], chain = "co_chair", [person]
        elif _ends_with(before, CHAIR_BEFORE) or _CHAIR_AND.search(before):
            person["role"], chain = "chair", [person]
        elif _ends_with(before, PRESENTER_BEFORE):
            person["role"], chain = "presenter", []
        elif (
            chain
            and (
                _in_list(text[chain[-1]["end"] : person["start"]], chain[0].get("semicolons", False))
                or (chain[0]["co_named"] and _position_only(text[chain[-1]["end"] : person["start"]]))
            )
            and not any(_compact(m["name"]) == _compact(person["name"]) for m in chain)  # named again
        ):
            chain.append(person)
            for member in chain:  # two or more chairs named together chair jointly
                member["role"] = "co_chair"
        else:
            chain = []
        if _ends_with(before, OPENED_BY):
            person["opened"] = True
        if fronted := _FRONTED_SPEECH.search(before):  # ", ກ່າວຄຳເຫັນປິດກອງປະຊຸມ, ທ່ານ X …"
            person["closed" if fronted["verb"] == "ປິດ" else "opened"] = True
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
        if verb == "jointly":
            person["role"] = "co_chair"
            for back in range(index - 1, -1, -1):  # back along the list that ends with this person
                if not _in_list(text[people[back]["end"] : people[back + 1]["start"]]):
                    break
                people[back]["role"] = "co_chair"
        elif verb == "chair_opened":
            person["opened"] = True
            person["role"] = max(person["role"], "chair", key=ROLE_RANK.get)
        elif verb in ("opened", "closed"):
            person[verb] = True
        elif verb and ROLE_RANK[verb] > ROLE_RANK[person["role"]]:
            person["role"] = verb

    _chair_as_subject(text, people)


def _clause_start(text: str, pos: int) -> int:
    """Where the sentence or clause holding pos begins (after a full stop, a line's end or a comma)."""
    return max(text.rfind(mark, 0, pos) for mark in (". ", "\n", ",", ";")) + 1


def _chair_as_subject(text: str, people: list[dict]) -> None:
    """ "ປະທານກອງປະຊຸມ ໄດ້ກ່າວເປີດກອງປະຊຸມ" (the chair opened it), the chair named by role as the subject of a
    clause: the one chair read opened (or closed) the meeting. Not when co-chairs were read (which one?), nor
    for a title such as ຮອງປະທານກອງປະຊຸມ (the clause must begin with ປະທານ)."""
    chairs = [p for p in people if p["role"] == "chair"]
    if len({_compact(p["name"]) for p in chairs}) != 1 or any(p["role"] == "co_chair" for p in people):
        return
    for m in _CHAIR_SUBJECT.finditer(text):
        chairs[0]["closed" if m["verb"] == "ປິດ" else "opened"] = True


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
