"""An ASEAN-style international meeting, entered as a new officer entered it (issue 22): hosted online by
the Philippines, with the member states listed (Timor-Leste written ຕີມໍເລສເຕ, which ICU cuts ຕີ|ມໍ|ເລສ|ເຕ),
the secretariat taking part, and countries named in the summary too."""

import datetime

from meetings import models as m
from tests import factories

COUNTRY_CODES = ("TL", "SG", "ID", "BN", "PH", "LA", "KH", "MY", "MM", "TH", "VN")


def asean_meeting() -> m.Meeting:
    timor = m.Country.objects.get(code="TL")
    timor.name_lo = "ຕີມໍເລສເຕ"  # as the officer wrote it
    timor.save()
    secretariat = factories.organisation(
        slug="secretariat-national-committee",
        name_lo="ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ",
        name_en="Secretariat of the National Committee for Anti-Human Trafficking",
        country=m.Country.objects.get(code="LA"),
    )
    host = factories.organisation(
        slug="government-of-the-philippines",
        name_lo="ລັດຖະບານ ສາທາລະນະລັດ ຟີລິບປິນ",
        name_en="Government of the Republic of the Philippines",
        kind=m.Organisation.Kind.GOVERNMENT,
        country=m.Country.objects.get(code="PH"),
    )
    meeting = factories.meeting(
        organisers=[host],
        title_lo="ກອງປະຊຸມເຈົ້າໜ້າທີ່ອາວຸໂສອາຊຽນ ວ່າດ້ວຍອາຊະຍາກຳຂ້າມຊາດ ຄັ້ງທີ 25",
        title_en="25th ASEAN Senior Officials Meeting on Transnational Crime",
        kind=m.Meeting.Kind.INTERNATIONAL,
        format=m.Meeting.Format.ONLINE,
        start_date=datetime.date(2025, 6, 12),
        city_lo="ມະນີລາ",
        city_en="Manila",
        summary_lo=(
            "ຄະນະຜູ້ແທນຈາກ ບຣູໄນ ດາຣຸສຊາລາມ, ກຳປູເຈຍ, ອິນໂດເນເຊຍ, ສປປ ລາວ, ມາເລເຊຍ, ມຽນມາ, ຟີລິບປິນ, "
            "ສິງກະໂປ, ໄທ, ຕີມໍເລສເຕ ແລະ ຫວຽດນາມ ໄດ້ລາຍງານຄວາມຄືບໜ້າໃນການຕ້ານການຄ້າມະນຸດ. ຕີມໍເລສເຕ "
            "ເຂົ້າຮ່ວມເປັນສະມາຊິກໃໝ່; ສິງກະໂປ ແລະ ອິນໂດເນເຊຍ ສະເໜີແຜນການຮ່ວມມືກັບ ຕີມໍເລສເຕ."
        ),
        summary_en=(
            "Delegations of the ASEAN member states reported progress against trafficking in persons. "
            "Timor-Leste took part as a new member; Singapore and Indonesia proposed cooperation with it."
        ),
        attendance_total=48,
    )
    meeting.countries.set(m.Country.objects.filter(code__in=COUNTRY_CODES))
    person = factories.person(
        name_lo="ທ່ານ ນາງ ວັນນະສອນ ພົມມະຈັນ", name_en="Ms Vannasone Phommachanh", organisation=secretariat
    )
    factories.participation(meeting=meeting, person=person, organisation=secretariat, role="participant")
    return meeting
