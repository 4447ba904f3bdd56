"""The countries the secretariat meets with, named in Lao and English (ISO 3166-1 alpha-2 codes).

Seeded by the data migration ``0009_meeting_entry`` (from its own frozen copy of this list) and kept up
to date by :func:`seed_countries`, which is idempotent: the ASEAN member states first, then the usual
dialogue and development partners. Officers add any other country in the admin ("Countries").
"""

from __future__ import annotations

# code, Lao name, English name, ASEAN member state
COUNTRIES: list[tuple[str, str, str, bool]] = [
    ("BN", "ບຣູໄນ ດາຣຸສຊາລາມ", "Brunei Darussalam", True),
    ("KH", "ກຳປູເຈຍ", "Cambodia", True),
    ("ID", "ອິນໂດເນເຊຍ", "Indonesia", True),
    ("LA", "ສປປ ລາວ", "Lao PDR", True),
    ("MY", "ມາເລເຊຍ", "Malaysia", True),
    ("MM", "ມຽນມາ", "Myanmar", True),
    ("PH", "ຟີລິບປິນ", "Philippines", True),
    ("SG", "ສິງກະໂປ", "Singapore", True),
    ("TH", "ໄທ", "Thailand", True),
    ("TL", "ຕີມໍ-ເລສເຕ", "Timor-Leste", True),
    ("VN", "ຫວຽດນາມ", "Viet Nam", True),
    ("AU", "ອົດສະຕຣາລີ", "Australia", False),
    ("CA", "ການາດາ", "Canada", False),
    ("CN", "ຈີນ", "China", False),
    ("FR", "ຝຣັ່ງ", "France", False),
    ("DE", "ເຢຍລະມັນ", "Germany", False),
    ("IN", "ອິນເດຍ", "India", False),
    ("JP", "ຍີ່ປຸ່ນ", "Japan", False),
    ("KR", "ສາທາລະນະລັດ ເກົາຫຼີ", "Republic of Korea", False),
    ("NZ", "ນິວຊີແລນ", "New Zealand", False),
    ("RU", "ຣັດເຊຍ", "Russian Federation", False),
    ("CH", "ສະວິດເຊີແລນ", "Switzerland", False),
    ("GB", "ສະຫະລາຊະອານາຈັກ", "United Kingdom", False),
    ("US", "ສະຫະລັດອາເມລິກາ", "United States", False),
    ("CU", "ຄິວບາ", "Cuba", False),
    ("MN", "ມົງໂກລີ", "Mongolia", False),
    ("AR", "ອາເຈນຕິນາ", "Argentina", False),
]


def seed_countries(country_model) -> None:
    """Create the listed countries that are missing (names of existing ones are left as officers set them).

    Takes the model class so that a data migration can pass its historical model."""
    existing = set(country_model.objects.values_list("code", flat=True))
    for code, name_lo, name_en, asean in COUNTRIES:
        if code not in existing:
            country_model.objects.create(
                code=code, name=name_en, name_lo=name_lo, name_en=name_en, asean_member=asean
            )
