"""The tables the fact reader (:mod:`meetings.importing.lao_facts`) reads with; a Lao speaker extends these.

Every entry is written once, in the portal's stored form (:func:`meetings.rules.text.normalise_text`): the
reader normalises the text first. Add a spelling as it is met in a real post, with a test.
"""

from __future__ import annotations

# Month names as written in Lao news (and in English). Add spellings as they are met.
MONTHS = {
    1: ["ມັງກອນ", "January", "Jan"],
    2: ["ກຸມພາ", "February", "Feb"],
    3: ["ມີນາ", "March", "Mar"],
    4: ["ເມສາ", "April", "Apr"],
    5: ["ພຶດສະພາ", "May"],
    6: ["ມິຖຸນາ", "ມິຖຸນນາ", "ມີຖຸນາ", "June", "Jun"],
    7: ["ກໍລະກົດ", "July", "Jul"],
    8: ["ສິງຫາ", "August", "Aug"],
    9: ["ກັນຍາ", "September", "Sep"],
    10: ["ຕຸລາ", "October", "Oct"],
    11: ["ພະຈິກ", "November", "Nov"],
    12: ["ທັນວາ", "December", "Dec"],
}
# Words right before a date that make it the meeting's date (within a few characters).
DATE_MARKERS = ["ວັນທີ", "ວັນທີ່", "ແຕ່ວັນທີ", "On", "on", "From", "from"]
# Words between the two days of a range.
RANGE_WORDS = ["-", "–", "ຫາ", "ເຖິງ", "to", "and"]
# "On the occasion of" a larger event: a date after it (with no verb of holding between) is the event's days.
OCCASION = "ໃນໂອກາດ"
# Verbs of closing: a date right after one is the day the meeting closed, not the day it began
# ("ໄຂຂຶ້ນ ວັນທີ 8 ແລະ ອັດລົງ ໃນວັນທີ 9 ມິຖຸນາ 2017": from the 8th to the 9th).
CLOSING_VERBS = ["ອັດລົງ", "ປິດລົງ", "ອັດກອງປະຊຸມ", "ປິດກອງປະຊຸມ"]
# Time of day: phrase -> (Lao, English).
TIMES_OF_DAY = {
    "ຕອນເຊົ້າ": ("ຕອນເຊົ້າ", "morning"),
    "ຕອນບ່າຍ": ("ຕອນບ່າຍ", "afternoon"),
    "ຕອນແລງ": ("ຕອນແລງ", "evening"),
    "in the morning": ("ຕອນເຊົ້າ", "morning"),
    "in the afternoon": ("ຕອນບ່າຍ", "afternoon"),
}

# A venue: "at" + a kind of place + its name (up to a comma, bracket or space).
VENUE_AT = ["ທີ່", "ທີ", "ຢູ່", "ນະ"]
# Places that are also organisations (ກະຊວງ a ministry, ຫ້ອງການ an office, ໂຮງຮຽນ a school) are a venue only after a
# locative that ທີ່ alone is not (ທີ່ is also "that": "ທີ່ກະຊວງ X ໄດ້ຈັດ" may be the ministry that held it): ຢູ່ທີ່ or
# ຈັດຂຶ້ນທີ່/ຢູ່.
STRICT_VENUE_AT = ["ຢູ່ທີ່", "ຈັດຂຶ້ນທີ່", "ຈັດຂຶ້ນຢູ່", "ຈັດຂື້ນທີ່", "ຈັດຂື້ນຢູ່"]
STRICT_VENUE_KINDS = ["ກະຊວງ", "ຫ້ອງການ", "ໂຮງຮຽນ"]
# Verbs of holding a meeting whose subject comes before them ("ກອງປະຊຸມ … ຈັດຂຶ້ນ … ຢູ່ທີ່ X"): a venue after one
# in its sentence has no subject after it, so a verb glued to its name ends it ("ຢູ່ທີ່ຫ້ອງການ Xດຳເນີນ…").
HELD_VERBS = ["ຈັດຂຶ້ນ", "ຈັດຂື້ນ", "ໄຂຂຶ້ນ", "ໄຂຂື້ນ"]
# Verbs of holding or opening a meeting with its subject right before them ("ເມືອງ X ແຂວງ Y ໄດ້ຈັດກອງປະຊຸມ"): a
# province ending the subject is where the meeting was held (each a word of its own: not ຈັດຕັ້ງ, ເປີດເຜີຍ).
HOLDS = ["ຈັດ", "ເປີດ", "ໄຂ"]
# After ທີ່/ຢູ່, words that begin the name of a place (a town, a district, a province, a country, a village): the
# text says where, in a name the reader may not know.
PLACE_HEADS = ["ນະຄອນ", "ເມືອງ", "ແຂວງ", "ປະເທດ", "ບ້ານ", "ສປ", "ສສ"]
# Verbs of living, staying or being stationed somewhere: a place right after one + ທີ່/ຢູ່ is where someone lives
# ("ແຮງງານທີ່ພັກເຊົາຢູ່ໂຮງແຮມ X", "ປະຊາຊົນທີ່ອາໃສຢູ່ແຂວງ X"), not where the meeting was held. Not ເຮັດວຽກ (work):
# "ເຄື່ອນໄຫວເຮັດວຽກຢູ່ແຂວງ X" is a working visit held there.
LIVES_AT_VERBS = ["ອາໃສ", "ດຳລົງຊີວິດ", "ພັກເຊົາ", "ເກີດ", "ປະຈຳການ", "ປະຈຳ"]
VENUE_KINDS = [
    "ໂຮງແຮມ", "ຫໍປະຊຸມ", "ຫ້ອງປະຊຸມ", "ສູນປະຊຸມ", "ສະໂມສອນ", "ສະຖາບັນ", "ພະແນກ", "ສະພາແຫ່ງຊາດ", "ສູນກາງແນວລາວສ້າງຊາດ",
    "ຫໍສະພາແຫ່ງຊາດ", "ຫ້ອງວ່າການ", "ຫໍວັດທະນະທຳ", "ສູນຝຶກອົບຮົມ", "ທຳນຽບ",
]  # fmt: skip
# Verbs that never stand in a venue's name: a venue read up to one of them (at a word boundary) has run into
# the sentence's predicate ("ທີ່ຫ້ອງປະຊຸມກະຊວງຈັດຂຶ້ນ…"), and is not read.
VENUE_VERBS = ["ຈັດຂຶ້ນ", "ຈັດຂື້ນ", "ເຂົ້າຮ່ວມ", "ກ່າວ", "ໄດ້", "ໄຂຂຶ້ນ", "ເປີດ", "ປຶກສາຫາລື", "ດຳເນີນ"]
# A person is never part of a venue's name: a run holding one of these (a word of its own) has run into a clause.
VENUE_NOT_NAMES = ["ທ່ານ", "ສະຫາຍ", "ທ້າວ"]
# Venues that are whole names by themselves: followed by a space and the name of an organisation (the
# sentence's subject, "ທີ່ສະພາແຫ່ງຊາດ ຄະນະປະຈຳ… ໄດ້ຈັດ…"), the venue is the name alone.
WHOLE_VENUES = ["ສະພາແຫ່ງຊາດ", "ຫໍສະພາແຫ່ງຊາດ", "ຫໍປະຊຸມແຫ່ງຊາດ", "ສູນກາງແນວລາວສ້າງຊາດ"]
# Where a venue's name ends (it runs on to the first of these, or to a city or province of PLACES).
VENUE_ENDS = [
    ",",
    ".",
    ";",
    "\n",
    " ໂດຍ",
    " ພາຍໃຕ້",
    " ໄດ້",
    " ເຊິ່ງ",
    " ຊຶ່ງ",
    " ເພື່ອ",
    " ໃນວັນທີ",
    " ວັນທີ",
    " ມີ",
    " ຄະນະກຳມະການ",
    " ກອງເລຂາ",
    " ຮ່ວມກັບ",
    # the same clause words written without a space before them (Lao often runs words together)
    "ໂດຍ",
    "ພາຍໃຕ້",
    "ໃນວັນທີ",
    "ໃນລະຫວ່າງ",
    "ເຊິ່ງ",
    "ຊຶ່ງ",
    "ເຊີ່ງ",  # a common typing of ເຊິ່ງ ("ຫ້ອງວ່າການແຂວງ ເຊກອງເຊີ່ງໄດ້ຮັບກຽດ")
    # the sentence's subject, the meeting or ceremony itself, after the venue and a space ("ທີ່ຫ້ອງປະຊຸມ X ກອງປະຊຸມ
    # ໃຫຍ່ ຄັ້ງທີ 3 … ໄດ້ໄຂຂຶ້ນ"): the venue ends before it
    " ກອງປະຊຸມ",
    " ພິທີ",
    # the chair's phrase, which may come without ໂດຍ ("ທີ່ສະໂມສອນ X ເປັນປະທານຂອງທ່ານ …"), and the guest of honour's
    # ("ຢູ່ທີສະໂມສອນເມືອງໃໝ່ເປັນກຽດເຂົ້າຮ່ວມຂອງ ທ່ານ …")
    "ເປັນປະທານ",
    "ເປັນກຽດ",
    "ໃຫ້ກຽດ",
]
# Offices whose names list their fields with commas ("ພະແນກຖະແຫຼງຂ່າວ, ວັດທະນະທຳ ແລະ ທ່ອງທ່ຽວ"): a comma right after
# such an office's first field, followed by one-word fields up to "ແລະ" + the last field, does not end the venue.
OFFICE_HEADS = ["ກະຊວງ", "ພະແນກ", "ກົມ", "ຫ້ອງການ"]
# A venue written by reference (ສະໂມສອນວິທະຍາໄລດັ່ງກ່າວ, "the said college's club") names no place itself.
VENUE_REFERENCE = ["ດັ່ງກ່າວ", "ເຊັ່ນດຽວກັນ"]
# Words that begin the name of an organisation. In "ທີ່ <venue> <organisation> ໄດ້ຈັດ…" the sentence's subject
# follows the venue with no mark between them: a venue running up to the verb ໄດ້ that holds such a word after
# a space may have swallowed the subject, so it is not read (where the venue ends is not stated).
ORGANISATION_HEADS = ["ກົມ", "ກະຊວງ", "ກຳມະບານ", "ສະຫະພັນ", "ອົງການ", "ຄະນະ", "ສູນກາງ", "ແນວລາວສ້າງຊາດ", "ໜ່ວຍພັກ", "ບໍລິສັດ"]  # fmt: skip
VENUE_KINDS_EN = ["Hotel", "Hall", "Convention Centre", "Convention Center", "Conference Centre", "Centre"]
# Venues whose city is known (Lao name -> city key in PLACES).
KNOWN_VENUES = {"ຫໍປະຊຸມແຫ່ງຊາດ": "vientiane-capital"}
# Cities and provinces: key -> (forms in a text, Lao name to store, English name to store).
PLACES = {
    "vientiane-capital": (
        ["ນະຄອນຫຼວງວຽງຈັນ", "ນະຄອນຫລວງວຽງຈັນ", "Vientiane Capital"],
        "ນະຄອນຫຼວງວຽງຈັນ",
        "Vientiane Capital",
    ),
    "phongsaly": (["ແຂວງຜົ້ງສາລີ", "Phongsaly"], "ແຂວງຜົ້ງສາລີ", "Phongsaly Province"),
    "luang-namtha": (["ແຂວງຫຼວງນ້ຳທາ", "Luang Namtha"], "ແຂວງຫຼວງນ້ຳທາ", "Luang Namtha Province"),
    "oudomxay": (["ແຂວງອຸດົມໄຊ", "Oudomxay"], "ແຂວງອຸດົມໄຊ", "Oudomxay Province"),
    "bokeo": (["ແຂວງບໍ່ແກ້ວ", "Bokeo"], "ແຂວງບໍ່ແກ້ວ", "Bokeo Province"),
    "luang-prabang": (
        ["ແຂວງຫຼວງພະບາງ", "ແຂວງຫລວງພະບາງ", "Luang Prabang"],
        "ແຂວງຫຼວງພະບາງ",
        "Luang Prabang Province",
    ),
    "houaphanh": (["ແຂວງຫົວພັນ", "Houaphanh"], "ແຂວງຫົວພັນ", "Houaphanh Province"),
    "xayaboury": (["ແຂວງໄຊຍະບູລີ", "Xayaboury"], "ແຂວງໄຊຍະບູລີ", "Xayaboury Province"),
    "xiengkhouang": (["ແຂວງຊຽງຂວາງ", "Xiengkhouang"], "ແຂວງຊຽງຂວາງ", "Xiengkhouang Province"),
    "vientiane-province": (["ແຂວງວຽງຈັນ", "Vientiane Province"], "ແຂວງວຽງຈັນ", "Vientiane Province"),
    "bolikhamxay": (["ແຂວງບໍລິຄຳໄຊ", "Bolikhamxay"], "ແຂວງບໍລິຄຳໄຊ", "Bolikhamxay Province"),
    "khammouane": (["ແຂວງຄຳມ່ວນ", "Khammouane"], "ແຂວງຄຳມ່ວນ", "Khammouane Province"),
    "savannakhet": (
        ["ແຂວງສະຫວັນນະເຂດ", "ແຂວງສະຫັວນນະເຂດ", "Savannakhet"],
        "ແຂວງສະຫວັນນະເຂດ",
        "Savannakhet Province",
    ),
    "salavan": (["ແຂວງສາລະວັນ", "Salavan"], "ແຂວງສາລະວັນ", "Salavan Province"),
    "sekong": (["ແຂວງເຊກອງ", "Sekong"], "ແຂວງເຊກອງ", "Sekong Province"),
    "champasak": (["ແຂວງຈຳປາສັກ", "Champasak"], "ແຂວງຈຳປາສັກ", "Champasak Province"),
    "attapeu": (["ແຂວງອັດຕະປື", "Attapeu"], "ແຂວງອັດຕະປື", "Attapeu Province"),
    "xaisomboun": (["ແຂວງໄຊສົມບູນ", "Xaisomboun"], "ແຂວງໄຊສົມບູນ", "Xaisomboun Province"),
}

# The whole meeting held at a distance (-> online, or hybrid when it also had a venue).
ONLINE_MEETING = [
    "ຮູບແບບວິດີໂອທາງໄກ",
    "ກອງປະຊຸມທາງໄກ",
    "ປະຊຸມທາງໄກ",
    "ຜ່ານລະບົບປະຊຸມທາງໄກ",
    "ຜ່ານລະບົບວີດີໂອ",
    "ຜ່ານລະບົບອອນລາຍ",
    "ປະຊຸມຜ່ານວີດີໂອ",
    "ປະຊຸມອອນລາຍ",
    "ສຳມະນາທາງໄກ",
    "video conference",
    "videoconference",
    "held online",
]
# An event named as held at a distance: the event's noun with an online word right after it ("ກອງປະຊຸມປຶກສາຫາລືທາງໄກ",
# "ລາຍການປະຖົມນິເທດອອນລາຍ"), a way (ແບບ, ທາງ, ຜ່ານ) allowed between (-> online, as ONLINE_MEETING).
ONLINE_EVENTS = ["ກອງປະຊຸມ", "ປະຊຸມ", "ສຳມະນາ", "ຝຶກອົບຮົມ", "ປຶກສາຫາລື", "ປືກສາຫາລື", "ປະຖົມນິເທດ", "ເຈລະຈາ"]
ONLINE_WAYS = ["ແບບ", "ທາງ", "ຜ່ານລະບົບ", "ຜ່ານ"]
ONLINE_MODIFIERS = ["ອອນລາຍ", "ອອນໄລນ໌", "ອອນໄລ", "ທາງໄກ", "ວິດີໂອທາງໄກ"]
# Some took part at a distance: "ມີແຂວງ … ເຂົ້າຮ່ວມແບບອອນລາຍ" (-> hybrid when a venue is read; alone it says nothing)
JOINED_ONLINE = [f"ເຂົ້າຮ່ວມ{way}{online}" for way in ONLINE_WAYS for online in ONLINE_MODIFIERS]
# Linked from afar to a meeting held at a place (-> hybrid, when the sentence says where it was held, HELD_AT, before
# the link, or a venue is read): "ໄດ້ຈັດຂຶ້ນຢູ່ ຫໍສະພາແຫ່ງຊາດ ແລະ ເຊື່ອມຕໍ່ແບບທາງໄກກັບບັນດາແຂວງ".
ONLINE_LINKED = ["ເຊື່ອມຕໍ່ແບບທາງໄກ", "ເຊື່ອມຕໍ່ທາງໄກ", "ເຊື່ອມຕໍ່ຜ່ານລະບົບທາງໄກ"]
HELD_AT = ["ຈັດຂຶ້ນຢູ່", "ຈັດຂຶ້ນທີ່", "ຈັດຂື້ນຢູ່", "ຈັດຂື້ນທີ່"]
# An online phrase is the meeting's format only in a sentence about meeting (not "ຫຼອກລວງຜ່ານລະບົບອອນລາຍ").
MEETING_CLAUSE = ["ປະຊຸມ", "ສຳມະນາ", "ຝຶກອົບຮົມ", "ເຂົ້າຮ່ວມ", "ຈັດຂຶ້ນ", "ຈັດຂື້ນ", "meeting", "held", "conference"]
# Both ways at once ("ເຂົ້າຮ່ວມທັງແບບເຊິ່ງໜ້າ ແລະ ອອນລາຍ", ທັງ … ແລະ …: both … and …): hybrid.
BOTH_WAYS = (
    r"ທັງ\s*(?:ແບບ|ທາງ)?\s*ເຊິ່ງໜ້າ\s*ແລະ\s*(?:ແບບ|ທາງ|ຜ່ານລະບົບ)?\s*(?:ອອນລາຍ|ອອນໄລນ໌|ອອນໄລ|ທາງໄກ|ວິດີໂອທາງໄກ)"
)
# Said of the whole meeting: in person (with ONLINE_MEETING too: hybrid). A venue alone says neither.
IN_PERSON = ["ແບບເຊິ່ງໜ້າ", "ແບບພົບປະໂດຍກົງ", "in person", "in-person", "face-to-face"]
# Joining online, before a count ("ທາງອອນລາຍອີກ 02 ທ່ານ"); and English "6 of them joined online".
ONLINE_WORDS = ["ອອນລາຍ", "ອອນໄລນ໌", "ອອນໄລ", "ທາງໄກ", "online"]
ONLINE_NOT = ["ສັງຄົມ", "ສື່"]  # "social media online", "online media": not a way of attending
# Counting people: the words after a number.
PEOPLE_UNITS = ["ທ່ານ", "ຄົນ", "ສະຫາຍ"]
ATTENDANCE_TOTAL = ["ຜູ້ເຂົ້າຮ່ວມທັງໝົດ", "ຜູ້ເຂົ້າຮ່ວມທັງຫມົດ", "ຜູ້ເຂົ້າຮ່ວມກອງປະຊຸມທັງໝົດ", "ຜູ້ເຂົ້າຮ່ວມລວມທັງໝົດ", "ຜູ້ເຂົ້າຮ່ວມ"]
ATTENDANCE_WOMEN = ["ແມ່ຍິງ", "ແມ່ຍີງ", "ເພດຍິງ", "ຍິງ", "ຍີງ"]

# Honorifics and ranks (Lao as written -> English). Longest first is not needed: the reader tries all.
HONORIFICS = {
    "ທ່ານ ນາງ": "Ms",
    "ທ່ານນາງ": "Ms",
    "ທ່ານ": "Mr",
    "ນາງ": "Ms",
    "ທ້າວ": "Mr",
    "ທ່ານ ນ": "Ms",
    "ທ່ານນ": "Ms",
    "ສະຫາຍ ນາງ": "Ms",
    "ສະຫາຍນາງ": "Ms",
    "ສະຫາຍ": "Comrade",
    "ພະນະທ່ານ": "H.E.",
    "ດ໋ອກເຕີ": "Dr",
    # police ranks, in full and abbreviated
    "ພົນຕຳຫຼວດເອກ": "Pol. Gen.",
    "ພົນຕຳຫຼວດໂທ": "Pol. Lt. Gen.",
    "ພົນຕຳຫຼວດຕີ": "Pol. Maj. Gen.",
    "ພົນຈັດຕະວາຕຳຫຼວດ": "Pol. Brig. Gen.",
    "ພັນເອກຕຳຫຼວດ": "Pol. Col.",
    "ພັນໂທຕຳຫຼວດ": "Pol. Lt. Col.",
    "ພັນຕີຕຳຫຼວດ": "Pol. Maj.",
    "ພົອ": "Pol. Gen.",
    "ພົທ": "Pol. Lt. Gen.",
    "ພົຕ": "Pol. Maj. Gen.",
    "ພົຈວ": "Pol. Brig. Gen.",
    "ພັອ": "Pol. Col.",
    "ພັທ": "Pol. Lt. Col.",
    "ພັຕ": "Pol. Maj.",
    # the same abbreviations written with a dot, and a spelling met in a real text (ພຈົວ)
    "ພົ.ອ": "Pol. Gen.",
    "ພົ.ທ": "Pol. Lt. Gen.",
    "ພົ.ຕ": "Pol. Maj. Gen.",
    "ພົ.ຈວ": "Pol. Brig. Gen.",
    "ພຈົວ": "Pol. Brig. Gen.",
    "ພັ.ອ": "Pol. Col.",
    "ພັ.ທ": "Pol. Lt. Col.",
    "ພັ.ຕ": "Pol. Maj.",
    # army ranks
    "ພົນເອກ": "Gen.",
    "ພົນໂທ": "Lt. Gen.",
    "ພົນຕີ": "Maj. Gen.",
    "ພົນຈັດຕະວາ": "Brig. Gen.",
    "ພັນເອກ": "Col.",
    "ພັນໂທ": "Lt. Col.",
    "ພັນຕີ": "Maj.",
    # academic titles
    "ປະລິນຍາເອກ": "Dr",
    "ປອ": "Dr",
    "ດຣ": "Dr",
    "ປະລິນຍາໂທ": "M.",  # a master's degree, abbreviated ປທ as ປອ is for a doctorate
    "ປທ": "M.",
    "ຮສ": "Assoc. Prof.",
    "ຮອງສາດສະດາຈານ": "Assoc. Prof.",
    "ສຈ": "Prof.",
    "ອຈ": "Lect.",  # ອາຈານ, a lecturer
    "ສາດສະດາຈານ": "Prof.",
}
PLAIN_HONORIFICS = {
    "ທ່ານ",
    "ທ່ານ ນາງ",
    "ທ່ານນາງ",
    "ນາງ",
    "ທ້າວ",
    "ທ່ານ ນ",
    "ທ່ານນ",
    "ສະຫາຍ",
    "ສະຫາຍ ນາງ",
    "ສະຫາຍນາງ",
}  # also counters ("24 ທ່ານ"): need care
HONORIFICS_EN = {
    "H.E.": "H.E.",
    "Mr": "Mr",
    "Mr.": "Mr",
    "Ms": "Ms",
    "Ms.": "Ms",
    "Mrs": "Mrs",
    "Dr": "Dr",
    "Dr.": "Dr",
    "Pol. Gen.": "Pol. Gen.",
    "Pol. Lt. Gen.": "Pol. Lt. Gen.",
    "Pol. Maj. Gen.": "Pol. Maj. Gen.",
    "Pol. Brig. Gen.": "Pol. Brig. Gen.",
    "Pol. Col.": "Pol. Col.",
    "Pol. Lt. Col.": "Pol. Lt. Col.",
    "Pol. Maj.": "Pol. Maj.",
}
# A name is two words; these words start a position or a phrase, never a name.
NOT_NAME_START = [
    "ຮອງ", "ຫົວໜ້າ", "ລັດຖະມົນຕີ", "ປະທານ", "ເລຂາ", "ຜູ້", "ກະຊວງ", "ກົມ", "ຄະນະ", "ອົງການ", "ສູນກາງ",
    "ສູນຄົ້ນຄວ້າ", "ສູນປະຊຸມ",
    "ຈາກ", "ທີ່", "ແລະ", "ໄດ້", "ຂອງ", "ກໍ່", "ເປັນ", "ທັງ", "ໃນ", "ມີ", "ບັນດາ", "ພະແນກ", "ສະຖານທູດ",
    # titles said after ທ່ານ instead of a name ("ຂອງທ່ານເຈົ້າແຂວງ", of the governor)
    "ເຈົ້າແຂວງ", "ເຈົ້າເມືອງ", "ເຈົ້າຄອງ", "ອະທິບໍດີ", "ນາຍົກ", "ເອກອັກຄະລັດຖະທູດ", "ກຳມະການ", "ສະມາຊິກ", "ອຸປະທູດ",
]  # fmt: skip
# Where a position ends (after the name).
POSITION_ENDS = [",", "(", " ແລະ ", " ໄດ້", " ເປັນ", " ກ່ຽວກັບ", " ມີ", ";", ".", "\n"]
# Words of a clause, not of a job title: a position ends before them even when glued to it (at an ICU word
# boundary), e.g. "… ປະທານສະຫະພັນແມ່ຍິງແຂວງຈຳປາສັກໄດ້ກ່າວໄຂກອງປະຊຸມ".
POSITION_STOPS = ["ໄດ້", "ກ່າວ", "ພ້ອມດ້ວຍ", "ພ້ອມທັງ", "ເຊິ່ງ", "ຊຶ່ງ", "ໂດຍ", "ເຂົ້າຮ່ວມ", "ເປັນປະທານ", "ຕາງໜ້າໃຫ້"]
# A position starts with one of these words (a title, an office, a membership); anything else after a name is
# a sentence going on, not a position, and is not suggested. Spellings with ຫນ/ຫມ/ຫລ are matched too.
POSITION_STARTS = [
    "ຮອງ", "ຫົວໜ້າ", "ກຳມະການ", "ເລຂາ", "ປະທານ", "ລັດຖະມົນຕີ", "ເຈົ້າແຂວງ", "ເຈົ້າເມືອງ", "ເຈົ້າຄອງ",
    "ສະມາຊິກ", "ຄະນະ", "ອະທິບໍດີ", "ຜູ້ອຳນວຍການ", "ອຳນວຍການ", "ເອກອັກຄະລັດຖະທູດ", "ນາຍົກ", "ທີ່ປຶກສາ",
    "ຜູ້ຕາງໜ້າ", "ຜູ້ປະສານງານ", "ຜູ້ຊ່ວຍ", "ຜູ້ພິພາກສາ", "ໄອຍະການ", "ຫົວໜ້າກອງ", "ເຈົ້າໜ້າທີ່", "ວິຊາການ",
    "ພະນັກງານ", "ຜູ້ຈັດການ", "ອຸປະທູດ", "ກົງສຸນ", "ເລຂາທິການ", "ຜູ້ບັນຊາການ", "ຄູ", "ອາຈານ", "ນັກ",
]  # fmt: skip
MAX_POSITION = 150
# Roles: phrases before the person (in the same sentence, the nearest wins) and after the person.
ROLE_BEFORE = [
    ("ປະທານຮ່ວມ", "co_chair"),
    ("ເປັນປະທານ", "chair"),
    ("ປະທານໂດຍ", "chair"),
    ("ລາຍງານຈາກ", "presenter"),
    ("ນຳສະເໜີໂດຍ", "presenter"),
    ("co-chaired by", "co_chair"),
    ("chaired by", "chair"),
    ("presented by", "presenter"),
]
ROLE_AFTER = [
    ("ເປັນປະທານຮ່ວມ", "co_chair"),
    ("ເປັນປະທານ", "chair"),
    ("ໄດ້ລາຍງານ", "presenter"),
    ("ໄດ້ນຳສະເໜີ", "presenter"),
    ("presented", "presenter"),
    ("reported", "presenter"),
]
# The verb after the organisers ("X ໄດ້ຈັດກອງປະຊຸມ", "X held a workshop").
ORGANISED = ["ໄດ້ຈັດ", "ຈັດຂຶ້ນ", "ເປັນເຈົ້າພາບ", "organised", "organized", "held", "hosted"]
# Words that make a post look like a meeting report (the preview ticks those).
MEETING_WORDS = ["ກອງປະຊຸມ", "ປະຊຸມ", "ຝຶກອົບຮົມ", "ສຳມະນາ", "meeting", "workshop", "training", "conference"]
# Uses of a meeting word that name no meeting held (meetings.importing.lao_subject): a thing it qualifies
# ("ອຸປະກອນການປະຊຸມທາງໄກ", "ທົດລອງປະຊຸມທາງໄກ"); a place (named a meeting's only after ທີ່/ຢູ່: "ຢູ່ທີ່ຫ້ອງປະຊຸມ");
# a past meeting or its decision ("ຕາມມະຕິກອງປະຊຸມ", "ກອງປະຊຸມທີ່ຜ່ານມາ", "ກອງປະຊຸມ … ໄດ້ຮັບຮອງເອົາ");
# the occasion of other news ("ເນື່ອງໃນໂອກາດກອງປະຊຸມ"), unless talks come first in the sentence ("ໄດ້ພົບປະກັບ").
MEETING_THING_NOUNS = ["ອຸປະກອນ", "ລະບົບ", "ໂປຣແກຣມ", "ໂປຼແກຼມ", "ເຄື່ອງ", "ທົດລອງ", "ຄູ່ມື", "ເອກະສານ", "ປຶ້ມ"]
MEETING_PLACE_NOUNS = ["ຫ້ອງ", "ຫໍ", "ສູນ", "ສະຖາບັນ", "ໂຮງ", "ໂຮງຮຽນ", "ວິທະຍາໄລ", "ສະຖານທີ່"]
MEETING_PAST_BEFORE = ["ມະຕິ", "ມະຕິຂອງ", "ຕາມ"]
MEETING_PAST_AFTER = ["ທີ່ຜ່ານມາ", "ຄັ້ງຜ່ານມາ", "ຄັ້ງກ່ອນ", "ເທື່ອກ່ອນ"]
MEETING_DECIDED = ["ຮັບຮອງ", "ຕົກລົງເອົາ", "ອະນຸມັດ"]
# Said between a meeting and "ທີ່ຜ່ານມາ" or its decision, they make it the news's own meeting (dated, "this one").
MEETING_OWN = ["ຄັ້ງນີ້", "ເທື່ອນີ້", "ດັ່ງກ່າວ", "ວັນທີ", "ເດືອນ", "ອາທິດ"]
MEETING_OCCASION = ["ໂອກາດ"]
OCCASION_THIS = ["ນີ້", "ດຽວກັນ", "ດັ່ງກ່າວ"]  # "ໃນໂອກາດນີ້": this very event, not another
TALKS = ["ພົບປະ", "ປຶກສາຫາລື", "ເຈລະຈາ", "ຫາລື"]
# A meeting not (yet) held: ຈະ (the future) or a word of scheduling before a verb of holding it ("ຊຶ່ງຈະຈັດຂຶ້ນ",
# "ສະເໜີເລື່ອນເວລາຈັດຕັ້ງກອງປະຊຸມ", "ແຜນການຈັດກອງປະຊຸມ"); a notice or a plan, not the news of a meeting.
MEETING_PLANNED = ["ຈະ", "ກຳນົດ", "ແຜນ", "ແຜນການ", "ເລື່ອນ", "ປ່ຽນ"]  # "ເລື່ອນເວລາຈັດ": ເວລາ may follow
MEETING_HOLD_VERBS = ["ຈັດຕັ້ງ", "ຈັດຂຶ້ນ", "ຈັດຂື້ນ", "ຈັດ", "ໄຂ", "ເປີດ", "ມີ"]
# Right before a meeting word (at most a verbal noun between: "ວ່າດ້ວຍການດຳເນີນກອງປະຊຸມ", or through a list joined
# by ແລະ), a meeting named as the topic of a document (ວ່າດ້ວຍ), what something is for ("ເຄື່ອງຊ່ວຍເຫຼືອສຳລັບ
# ກອງປະຊຸມສຸດຍອດ … ແລະກອງປະຊຸມປິ່ນອ້ອມ") or what the people a noun names attended ("ຄະນະຜູ້ແທນ … ທີ່ເຂົ້າຮ່ວມ
# ກອງປະຊຸມ"): a relative clause or a complement, not the news; anywhere earlier in its clause, the document an act is
# based on ("ອີງຕາມກົດໝາຍ … ມາດຕາ 59 ກ່ຽວກັບການດຳເນີນກອງປະຊຸມ").
MEETING_TOPIC_BEFORE = ["ວ່າດ້ວຍ", "ສຳລັບ", "ທີ່ເຂົ້າຮ່ວມ", "ທີ່ໄດ້ເຂົ້າຮ່ວມ"]
MEETING_BASED_ON = ["ອີງຕາມ"]
# Gatherings of speech that official news reports as meetings though no meeting word names them: a lecture
# (ປາຖະກະຖາ), a press conference (ຖະແຫຼງຂ່າວ), a dissemination of a document (ເຜີຍແຜ່), a summing-up or review
# (ສະຫຼຸບ), a ceremony for an organisation's founding day (ສະເຫຼີມສະຫຼອງວັນສ້າງຕັ້ງ). Counted only as the object of a
# verb of holding in the post's opening ("ໄດ້ຈັດພິທີປາຖະກະຖາ") or as the subject of a ceremony held there ("ພິທີ
# ສະເຫຼີມສະຫຼອງວັນສ້າງຕັ້ງ … ໄດ້ຈັດຂຶ້ນ"); a prize-giving, a handover or a signing (ພິທີມອບ, ພິທີເຊັນ) is none.
SPEECH_EVENTS = ["ປາຖະກະຖາ", "ຖະແຫຼງຂ່າວ", "ເຜີຍແຜ່", "ສະຫຼຸບ", "ສະເຫຼີມສະຫຼອງວັນສ້າງຕັ້ງ"]
# Talks and receptions (TALKS and these) in the post's opening with an official or a delegation as their object
# ("X ໄດ້ພົບປະກັບ ສະຫາຍ Y", "ຕ້ອນຮັບປະທານປະເທດຫວຽດນາມ", "ໄດ້ຕ້ອນຮັບການມາຢ້ຽມຢາມ … ຂອງ ຄະນະຜູ້ແທນ"): a bilateral
# meeting or a courtesy call. Not with people in the general sense ("ງານພົບປະເຍົາວະຊົນ", "ຕ້ອນຮັບ ແລະ ນຳພາ
# ເຍົາວະຊົນ"), a day ("ເພື່ອຕ້ອນຮັບວັນສ້າງຕັ້ງ"), a purpose (ເພື່ອ) or talks to come (ຈະ).
RECEPTIONS = ["ຕ້ອນຮັບ", "ຢ້ຽມຂ່ຳນັບ", "ຢ້ຽມຂໍ່ານັບ", "ຢ້ຽມຂຳນັບ", "ຂ່ຳນັບ", "ຂໍ່ານັບ", "ຂຳນັບ"]  # ຂໍ່ານັບ, ຂໍານັບ: typings
TALK_PARTNERS = [
    "ສະຫາຍ", "ທ່ານ", "ຄະນະຜູ້ແທນ", "ຄະນະ ຜູ້ແທນ", "ຄະນະຜູ້ຕາງໜ້າ", "ຄະນະ ຜູ້ຕາງໜ້າ", "ຜູ້ຕາງໜ້າ", "ປະທານ",
    "ຮອງປະທານ", "ລັດຖະມົນຕີ", "ເລຂາທິການ", "ເລຂາ", "ນາຍົກ", "ຮອງນາຍົກ", "ເອກອັກຄະລັດຖະທູດ", "ທູດ", "ເຈົ້າແຂວງ",
    "ຮອງເຈົ້າແຂວງ",
]  # fmt: skip

# ==== Counting, roles by grammar, countries and kinds of meeting =========================================

# Words before a count (within its clause) that make it the number of participants: "ມີຜູ້ເຂົ້າຮ່ວມທັງໝົດ 59 ທ່ານ",
# "ທັງໝົດ 48 ທ່ານ", "ຈຳນວນ 131 ສະຫາຍ"; and after it: "287 ສະຫາຍເຂົ້າຮ່ວມ".
COUNT_BEFORE = ["ຜູ້ເຂົ້າຮ່ວມ", "ທັງໝົດ", "ທັງຫມົດ", "ຈຳນວນ", "ລວມ"]
COUNT_AFTER = ["ເຂົ້າຮ່ວມ"]
# A count is the attendance only in a sentence that says people attended (ເຂົ້າຮ່ວມ) or were present (ໂດຍມີ).
COUNT_SENTENCE = ["ເຂົ້າຮ່ວມ", "ໂດຍມີ"]
# A count of these is of a body's members (ສະມາຊິກພັກທັງໝົດ 17 ສະຫາຍ), not of the people who came; nor is a
# count of candidates or of those elected (ຜູ້ສະໝັກ, ເລືອກຕັ້ງ), of victims (ຜູ້ເຄາະຮ້າຍ) or of cases (ຄະດີ).
COUNT_MEMBERS = (
    "ສະມາຊິກ"  # members: attending only with the verb between them and the count ("ສະມາຊິກ … ເຂົ້າຮ່ວມ 27 ສະຫາຍ")
)
COUNT_NOT = [COUNT_MEMBERS, "ສະໝັກ", "ສະຫມັກ", "ເລືອກຕັ້ງ", "ເຄາະຮ້າຍ", "ຄະດີ"]
# Words right before a count of those attending that make it inexact ("ກວ່າ 100 ທ່ານ", more than 100; ປະມານ,
# about; ເກືອບ, nearly) or a count of some only ("ອີກ 20 ທ່ານ", 20 more): the text states no exact total.
COUNT_INEXACT = ["ກວ່າ", "ກ່ວາ", "ປະມານ", "ເກືອບ", "ອີກ"]
# Words right after a count of those attending that name whom the meeting was given to ("… ເຂົ້າຮ່ວມ 12 ທ່ານ,
# ໃຫ້ແກ່ບັນດາພະແນກ …"): the count is of the side that gave it (organisers, lecturers), not of everyone.
COUNT_GIVEN_TO = ["ໃຫ້ແກ່", "ໃຫ້ກັບ"]
# Phrases right before a person (spaces ignored) that make them the chair ("ໂດຍການເປັນປະທານຂອງ ທ່ານ …",
# "ພາຍໃຕ້ການເປັນປະ ທານ ທ່ານ …") or a co-chair. A phrase must END right before the honorific: a job title
# such as ຮອງປະທານ… after a name never makes a chair.
CHAIR_BEFORE = [
    "ເປັນປະທານ", "ເປັນປະທານຂອງ", "ເປັນປະທານກອງປະຊຸມຂອງ", "ເປັນປະທານໂດຍ", "ປະທານໂດຍ", "ເປັນປະທານກອງປະຊຸມໂດຍ",
    "ເປັນປະທານກິດຕິມະສັກຂອງ",  # an honorary chair chairs
    # "ໂດຍການປະທານຂອງ ທ່ານ …" (chaired by), ເປັນ left out; not "ຫ້ອງການປະທານຂອງ" (the office of the president of)
    "ໂດຍການປະທານຂອງ", "ພາຍໃຕ້ການປະທານຂອງ", "ໂດຍການປະທານກອງປະຊຸມຂອງ", "ພາຍໃຕ້ການປະທານກອງປະຊຸມຂອງ",
]  # fmt: skip
PRESENTER_BEFORE = ["ລາຍງານຈາກ", "ນຳສະເໜີໂດຍ"]
CO_CHAIR_BEFORE = [
    "ປະທານຮ່ວມ",
    "ປະທານຮ່ວມຂອງ",
    "ປະທານຮ່ວມກອງປະຊຸມຂອງ",
    "ເປັນປະທານຮ່ວມໂດຍ",
    "ເປັນປະທ່ານຮ່ວມ",
    "ປະທານຮ່ວມລະຫວ່າງ",  # "ພາຍໃຕ້ການເປັນປະທານຮ່ວມລະຫວ່າງ ທ່ານ A … ແລະ ທ່ານ B": co-chaired between the two sides
]  # ປະທ່ານ: met
# The verb of a person named as the subject: the first verb after their name and position decides.
OPENED = ["ໄດ້ກ່າວເປີດ", "ກ່າວເປີດ", "ໄດ້ກ່າວໄຂ", "ກ່າວໄຂ"]
# The passive: "opened by" + the name ("ກ່າວເປີດກອງປະຊຸມໂດຍ ທ່ານ …", "ເຂົ້າຮ່ວມເປີດກອງປະຊຸມໂດຍ ທ່ານ …"), or the
# opening of it by a person as a noun phrase ("ໄດ້ຮັບກຽດກ່າວຕ້ອນຮັບ ແລະ ເປີດກອງປະຊຸມຂອງທ່ານ …").
OPENED_BY = ["ເປີດກອງປະຊຸມໂດຍ", "ເປີດໂດຍ", "ໄຂກອງປະຊຸມໂດຍ", "ໄຂໂດຍ", "ເປີດກອງປະຊຸມຂອງ", "ໄຂກອງປະຊຸມຂອງ"]
CLOSED = ["ໄດ້ກ່າວປິດ", "ກ່າວປິດ"]
VERB_START = ["ໄດ້", "ກ່າວ", "ເປັນປະທານ"]
# Between two people of one list of chairs ("… ແລະ ທ່ານ …"): the list stops at these.
LIST_STOPS = ["ມີ", "ເຂົ້າຮ່ວມ", "ໂດຍ", "ພ້ອມ", ";", "."]
# Vietnamese family names as Lao texts write them (Nguyễn, Trần, Phạm, Hoàng, Phan, Vũ, Võ, Bùi, Đỗ, Hồ, Ngô, Dương,
# Mai). A Vietnamese name is often written as one word (ທ່ານ ຫງວຽນທິກີມເງິນ, ທ່ານ ເຈີ່ນຟູ໋ຕຽວ): one word after an
# honorific that begins with one of these is a whole name. Not Đặng (ດັ່ງ also begins ດັ່ງກ່າວ, "the said") nor Lê
# (ເລ begins ເລຂາ), which begin Lao words.
VIETNAMESE_FAMILY_NAMES = [
    "ຫງວຽນ", "ເຈີ່ນ", "ເຈິ່ນ", "ຝ່າມ", "ຮວ່າງ", "ຝານ", "ຫວູ", "ຫວໍ", "ບຸ່ຍ", "ໂດ໋", "ໂຮ່", "ໂງ", "ເຢືອງ", "ເຢື່ອງ", "ມາຍ",
]  # fmt: skip
# Titles written glued to the surname before them ("ທ່ານສົມບູນ ເຮືອງວົງສາຮອງເຈົ້າແຂວງ"): a name's last word is cut
# before one of these at an ICU word boundary when a whole job title follows (after ຮອງ, "deputy", another title
# word: "ຮອງເຈົ້າແຂວງ"). Short words that also end names (ຄູ, ນັກ) and ຄະນະ are not cut off.
GLUED_TITLES = ["ຮອງ", "ຫົວໜ້າ", "ປະທານ", "ກຳມະການ", "ເລຂາ", "ລັດຖະມົນຕີ", "ເຈົ້າແຂວງ", "ເຈົ້າເມືອງ", "ອະທິບໍດີ"]  # fmt: skip
# Words that may follow a two-word name and are not a third word of it, although a title follows them.
NOT_NAME_WORDS = ["ອະດີດ", "ຕຳແໜ່ງ", "ໃນນາມ", "ພ້ອມ", "ຕາງໜ້າ", "ຜູ້", "ຈາກ", "ຊຶ່ງ", "ເຊິ່ງ", "ທັງ", "ແລະ", "ຫຼື", "ຮັກສາການ", "ປະຈຳ"]  # fmt: skip

# Spellings of countries met in real texts, besides the Country records' own names (ISO code -> spellings).
COUNTRY_SPELLINGS = {
    "BN": ["ບຣູໄນ", "ບຣູໄນ ດາລູຊາລາມ", "ບຣູໄນດາລູຊາລາມ"],
    "ID": ["ອີນໂດເນເຊຍ"],
    "LA": ["ລາວ", "ສ ປປ ລາວ", "ສປປລາວ", "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ"],
    "PH": ["ຟີລິບປີນ"],
    "SG": ["ສີງກະໂປ"],
    "TL": ["ຕີມໍເລສເຕ", "ຕີມໍ ເລສເຕ"],
    "CN": ["ສປ ຈີນ"],
    "US": [
        f"{state}{america}"
        for state in ("ສ.", "ສ. ", "ສະຫະລັດ ", "ສະຫະລັດ")
        for america in ("ອາເມລິກາ", "ອາເມຣິກາ")  # never "ອາເມຣິກາ" alone: "ອາເມຣິກາລາຕິນ", Latin America
    ],
    "MM": ["ມຽນມ້າ"],
    "KR": ["ເກົາຫຼີໃຕ້", "ສ.ເກົາຫຼີ", "ສ ເກົາຫຼີ"],  # never "ເກົາຫຼີ" alone: "ສປປ ເກົາຫຼີ" is the DPRK
    "RU": ["ລັດເຊຍ", "ສະຫະພັນລັດເຊຍ", "ສະຫະພັນຣັດເຊຍ"],
    "AU": ["ອົດສະຕາລີ"],
    "VN": ["ສາທາລະນະລັດ ສັງຄົມນິຍົມ ຫວຽດນາມ"],
    "CU": ["ກູບາ"],  # from the Spanish/French: "ພັກກອມມູນິດກູບາ", "ສ ກູບາ"
    "AR": ["ອັກຊັງຕິນ", "ອາກຊັງຕິນ", "ອາເຈນຕິນ້າ"],  # "ເມືອງບູໂນສໄອເຣສ, ປະເທດອັກຊັງຕິນ" (from the French)
}
# Capitals, as Lao texts write them, after the scene-setting date ("ວັນທີ 20 ສິງຫາ, ທີ່ຮ່າໂນ້ຍ,"): the host country.
# Not Vientiane: a meeting in Laos has no host country to read.
COUNTRY_CAPITALS = {
    "KH": ["ພະນົມເປັນ", "ພະນົມເປັ້ນ"],
    "VN": ["ຮ່າໂນ້ຍ", "ຮານອຍ"],
    "TH": ["ບາງກອກ", "ກຸງເທບ"],
    "CN": ["ປັກກິ່ງ"],
    "JP": ["ໂຕກຽວ"],
    "MY": ["ກົວລາລຳເປີ"],
    "ID": ["ຈາກາຕາ", "ຢາກາຕາ"],
    "PH": ["ມະນີລາ", "ມານີລາ"],
    "MM": ["ເນປີດໍ", "ເນປິດໍ"],
    "KR": ["ໂຊລ"],
    "US": ["ວໍຊິງຕັນ"],
    "FR": ["ປາຣີ"],
    "GB": ["ລອນດອນ"],
    "RU": ["ມົສກູ", "ມອດສະກູ"],
    "IN": ["ນິວເດລີ"],
    "DE": ["ເບີລິນ"],
    "AU": ["ແຄນເບີຣາ", "ການເບີຣາ"],
}
# Verbs of one side meeting the other (lao_sides): the country named before the verb and the one named after it
# take part. Not ພົບປະ alone as a noun of a gathering ("ງານພົບປະ") : a country must stand on each side.
ENCOUNTER = ["ພົບປະກັບ", "ພົບປະ", "ພົບປະຫາລືກັບ", "ເຈລະຈາກັບ", "ຕ້ອນຮັບ", "ຢ້ຽມຂ່ຳນັບ", "ປຶກສາຫາລືກັບ"]
# The forms of state written before a country's name ("ສສ. ຫວຽດນາມ", "ລາຊະອານາຈັກກຳປູເຈຍ").
STATE_FORMS = ["ສປປ", "ສສ", "ສປ", "ສ", "ລາຊະອານາຈັກ", "ຣາຊະອານາຈັກ", "ຣາຊາອານາຈັກ", "ລາຊາອານາຈັກ", "ສາທາລະນະລັດ"]
# Words that say a meeting held abroad has others than its host taking part (besides another country's name): a
# meeting abroad is international only with one of them ("ກອງປະຊຸມໃຫຍ່ຂອງພັກ … ທີ່ຮ່າໂນ້ຍ" is Viet Nam's own).
INTERNATIONAL_WORDS = [
    "ອາຊຽນ", "ສາກົນ", "ພາກພື້ນ", "ຄະນະຜູ້ແທນ", "ສອງປະເທດ", "ປະເທດສະມາຊິກ", "ບັນດາປະເທດ", "ປະເທດຕ່າງໆ", "ທົ່ວໂລກ",
    "ສອງຝ່າຍ",
]  # fmt: skip
# A list of countries is of those taking part only in a sentence that says so (delegates, representatives,
# attending); "ແຮງງານລາວທີ່ໄປເຮັດວຽກຢູ່ປະເທດ ໄທ, ມາເລເຊຍ ແລະ ເກົາຫຼີ" lists where workers went, not who met.
COUNTRIES_SENTENCE = ["ເຂົ້າຮ່ວມ", "ຜູ້ຕາງໜ້າ", "ຕາງໜ້າ", "ຜູ້ແທນ"]
# Before a country that hosts the meeting ("ຈັດຂຶ້ນຢູ່ນະຄອນຊີອານ ແຂວງສ້ານຊີ ສປ ຈີນ", "ປະເທດ X ເປັນເຈົ້າພາບ").
HOST_BEFORE = ["ຈັດຂຶ້ນຢູ່", "ຈັດຂຶ້ນທີ່", "ຈັດຂື້ນຢູ່", "ຈັດຂື້ນທີ່"]
HOST_AFTER = ["ເປັນເຈົ້າພາບ"]
# Kinds of meeting, from the words right after ກອງປະຊຸມ in the meeting's name (Meeting.Kind values).
KIND_WORDS = {
    "consultation": ["ປຶກສາຫາລື", "ປືກສາຫາລື", "ທາບທາມ"],
    "training": ["ຝຶກອົບຮົມ", "ເຝຶກອົບຮົມ"],
    "steering_committee": ["ຄະນະກຳມະການຊີ້ນຳ", "ຄະນະຮັບຜິດຊອບຊີ້ນຳ"],
    "coordination": ["ປະສານງານ"],
    "annual_review": ["ສະຫຼຸບ", "ສະຫຼູບ"],
    # an international meeting by its name: "ກອງປະຊຸມສາກົນ", a summit, a ministerial or senior officials' meeting
    "international": ["ສາກົນ", "ລະດັບສາກົນ", "ສຸດຍອດ", "ລັດຖະມົນຕີ", "ເຈົ້າໜ້າທີ່ອາວຸໂສ"],
}
# International bodies that own a meeting named after them, before anything its name says it is about ("ກອງປະຊຸມ
# ອາຊຽນ ວ່າດ້ວຍ…", "ກອງປະຊຸມລະດັບສູງ ສປຊ ວ່າດ້ວຍ…"); not "ກອງປະຊຸມ … ເພື່ອຍາດແຍ່ງທຶນ … ອາຊຽນ" (the object of the name).
INTERNATIONAL_BODIES = ["ອາຊຽນ", "ສປຊ", "ສະຫະປະຊາຊາດ", "ASEAN"]
NAME_ABOUT = ["ກ່ຽວກັບ", "ວ່າດ້ວຍ", "ເພື່ອ", "ເລື່ອງ", "ການ"]
# ປຶກສາຫາລື heads a consultation only with what or whom it consults about or with right after it ("ກອງປະຊຸມ
# ປຶກສາຫາລືກ່ຽວກັບ …"); "ກອງປະຊຸມປຶກສາຫາລື ການປະເມີນ …" is a meeting that discusses something, of no kind said.
CONSULTATION_WITH = ["ກ່ຽວກັບ", "ວ່າດ້ວຍ", "ລະຫວ່າງ", "ກັບ", "ເລື່ອງ"]
# The annual review: a summing-up (ສະຫຼຸບ) whose name says it covers a year ("ປະຈຳປີ 2023", "ປະຈຳສົກປີ",
# "ໃນໄລຍະ 1 ປີຜ່ານມາ"); the name ends where its clause does (NAME_ENDS). A regular expression (digits as 0-9).
YEARLY = r"ປະຈຳປີ|ປະຈຳສົກປີ|ໄລຍະ\s*(?:1|ໜຶ່ງ)\s*ປີ"
PART_OF_YEAR = r"\d+\s*ເດືອນ|ໄຕມາດ|ເຄິ່ງປີ|ປະຈຳເດືອນ"  # a summary of months, a quarter or half a year: not annual
# Meetings held once a year to sum up and plan, by the name that heads them: the education administrators'
# conference of each school year ("ກອງປະຊຸມຜູ້ບໍລິຫານການສຶກສາ ທົ່ວແຂວງ ປະຈຳສົກຮຽນ 2024-2025").
ANNUAL_NAMES = ["ຜູ້ບໍລິຫານການສຶກສາ"]
NAME_ENDS = ["ໄດ້", "ຈັດຂຶ້ນ", "ຈັດຂື້ນ", "ໂດຍ", ". ", "\n", "ໃນວັນທີ"]
# A training course as what was held or finished ("ໄດ້ຈັດຊຸດຝຶກອົບຮົມ", "ໄດ້ສຳເລັດຊຸດເຝຶກອົບຮົມ", "ສຳເລັດການຈັດຝຶກອົບຮົມ"):
# the kind, when no meeting's name gives one. Not "ທົບທວນຄືນຊຸດຝຶກອົບຮົມ" (reviewing a course): the verb must come
# right before it.
# The opening ceremony of a course held is one too ("ໄດ້ຈັດພິທີເປີດການຝຶກສີມືແຮງງານ", skills training); a course
# (ຊຸດ) of ອົບຮົມ alone is a training course ("ເປີດຊຸດອົບຮົມໃຫ້ພະນັກງານ"), ອົບຮົມ without ຊຸດ is also education at large.
TRAINING_HELD = [
    *(
        f"{verb}{noun}{course}"
        for verb in ("ຈັດ", "ສຳເລັດ", "ເປີດ", "ໄຂ", "ປິດ", "ສຳເລັດການຈັດ", "ສຳເລັດການ", "ຈັດພິທີເປີດ", "ພິທີເປີດ")
        for noun in ("ຊຸດ", "ການ", "")
        for course in ("ຝຶກອົບຮົມ", "ເຝຶກອົບຮົມ", "ຝຶກສີມື")
    ),
    *(f"{verb}ຊຸດອົບຮົມ" for verb in ("ຈັດ", "ສຳເລັດ", "ເປີດ", "ໄຂ", "ປິດ", "ພິທີເປີດ")),
]
# The course as the subject of a later sentence, "this course" (the one reported): "ຊຸດຝຶກອົບຮົມຄັ້ງນີ້ ໄດ້ເປີດຮັບຮຽນ".
TRAINING_THIS = [f"{course}{this}" for course in ("ຊຸດຝຶກອົບຮົມ", "ຊຸດເຝຶກອົບຮົມ") for this in ("ຄັ້ງນີ້", "ດັ່ງກ່າວ")]
