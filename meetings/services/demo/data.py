"""The demo records as data: organisations, people, the programme and the two meetings (see ``__init__``)."""

from __future__ import annotations

import datetime

ORGANISATIONS = [
    # slug, parent, kind, country, (name_lo, name_en), (short_lo, short_en)
    ("mps", None, "government", "LA", ("ກະຊວງປ້ອງກັນຄວາມສະຫງົບ", "Ministry of Public Security"), ("ປກສ", "MPS")),
    (
        "general-police-department",
        "mps",
        "government",
        "LA",
        ("ກົມໃຫຍ່ຕຳຫຼວດ", "General Police Department"),
        ("", ""),
    ),
    (
        "anti-human-trafficking-police-department",
        "general-police-department",
        "government",
        "LA",
        ("ກົມຕຳຫຼວດສະກັດກັ້ນແລະຕ້ານການຄ້າມະນຸດ", "Anti-Human Trafficking Police Department"),
        ("AHTPD", "AHTPD"),
    ),
    (
        "national-committee-anti-human-trafficking",
        None,
        "government",
        "LA",
        ("ຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ", "National Committee for Anti-Human Trafficking"),
        ("NCAHT", "NCAHT"),
    ),
    (
        "secretariat-national-committee",
        "national-committee-anti-human-trafficking",
        "government",
        "LA",
        (
            "ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ",
            "Secretariat of the National Committee for Anti-Human Trafficking",
        ),
        ("", ""),
    ),
    (
        "provincial-committees",
        "national-committee-anti-human-trafficking",
        "government",
        "LA",
        ("ຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບແຂວງ", "Provincial Committees for Anti-Human Trafficking"),
        ("", ""),
    ),
    (
        "supreme-peoples-prosecutor",
        None,
        "judiciary",
        "LA",
        ("ອົງການໄອຍະການປະຊາຊົນສູງສຸດ", "Office of the Supreme People's Prosecutor"),
        ("OSPP", "OSPP"),
    ),
    (
        "peoples-supreme-court",
        None,
        "judiciary",
        "LA",
        ("ສານປະຊາຊົນສູງສຸດ", "People's Supreme Court"),
        ("PSC", "PSC"),
    ),
    ("lao-womens-union", None, "mass", "LA", ("ສູນກາງສະຫະພັນແມ່ຍິງລາວ", "Lao Women's Union"), ("ສຫພ", "LWU")),
    (
        "counselling-protection-centre",
        "lao-womens-union",
        "mass",
        "LA",
        (
            "ສູນໃຫ້ຄຳປຶກສາແລະປົກປ້ອງແມ່ຍິງ – ເດັກນ້ອຍ",
            "Counselling and Protection Centre for Women and Children",
        ),
        ("CPC", "CPC"),
    ),
    (
        "australian-embassy",
        None,
        "embassy",
        "AU",
        ("ສະຖານທູດອົດສະຕຣາລີ ປະຈຳ ສປປ ລາວ", "Australian Embassy in Lao PDR"),
        ("", ""),
    ),
    (
        "us-embassy",
        None,
        "embassy",
        "US",
        ("ສະຖານທູດອາເມລິກາ ປະຈຳ ສປປ ລາວ", "United States Embassy in Lao PDR"),
        ("", ""),
    ),
    (
        "ministry-planning-investment",
        None,
        "government",
        "LA",
        ("ກະຊວງແຜນການ ແລະ ການລົງທຶນ", "Ministry of Planning and Investment"),
        ("ຜທ", "MPI"),
    ),
    (
        "asean-act-lao-pdr",
        None,
        "international",
        "LA",
        (
            "ແຜນງານອາຊຽນ-ອົດສະຕຣາລີ ເພື່ອຕ້ານການຄ້າມະນຸດ ປະຈຳ ສປປ ລາວ",
            "ASEAN-Australia Counter Trafficking (ASEAN-ACT) in Lao PDR",
        ),
        ("ASEAN-ACT", "ASEAN-ACT"),
    ),
]

PEOPLE = [
    # slug, organisation, gender, (name), (honorific), (position)
    (
        "kenchanh-phommachack",
        "general-police-department",
        "",
        ("ແກ່ນຈັນ ພົມມະຈັກ", "Kenchanh Phommachack"),
        ("ພົຈວ", "Pol. Brig. Gen."),
        (
            "ຮອງຫົວໜ້າກົມໃຫຍ່ຕຳຫຼວດ, ກະຊວງປ້ອງກັນຄວາມສະຫງົບ; ຫົວໜ້າກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ; "
            "ຫົວໜ້າຄະນະຮັບຜິດຊອບຊີ້ນຳແຜນງານອາຊຽນ-ອົດສະຕຣາລີ ເພື່ອຕ້ານການຄ້າມະນຸດ ປະຈຳ ສປປ ລາວ",
            "Deputy Director General of the General Police Department, Ministry of Public Security; Head of the "
            "Secretariat of the National Committee for Anti-Human Trafficking; Head of the ASEAN-ACT National "
            "Programme Steering Committee in Lao PDR",
        ),
    ),
    (
        "kate-wallace",
        "australian-embassy",
        "f",
        ("ເຄັດ ວໍເລສ", "Kate Wallace"),
        ("ທ່ານ ນາງ", "Ms"),
        ("ເລຂາ 2, ຜູ້ຮັບຜິດຊອບພະແນກອາຊຽນ", "Second Secretary in charge of the ASEAN section"),
    ),
    (
        "kikeo-chanthalangsy",
        "anti-human-trafficking-police-department",
        "",
        ("ກິແກ້ວ ຈັນທະລັງສີ", "Kikeo Chanthalangsy"),
        ("ພັອ", "Pol. Col."),
        (
            "ຮອງຫົວໜ້າກົມຕຳຫຼວດສະກັດກັ້ນ ແລະ ຕ້ານການຄ້າມະນຸດ",
            "Deputy Director of the Anti-Human Trafficking Police Department",
        ),
    ),
    (
        "sonexay-siphandone",
        "national-committee-anti-human-trafficking",
        "m",
        ("ສອນໄຊ ສີພັນດອນ", "Sonexay Siphandone"),
        ("ທ່ານ", "Mr"),
        (
            "ຮອງນາຍົກລັດຖະມົນຕີ, ປະທານຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ",
            "Deputy Prime Minister, Chairman of the National Committee for Anti-Human Trafficking",
        ),
    ),
    (
        "vilay-lakhamfong",
        "mps",
        "",
        ("ວິໄລ ຫຼ້າຄຳຟອງ", "Vilay Lakhamfong"),
        ("ພົທ", "Pol. Lt. Gen."),
        (
            "ລັດຖະມົນຕີກະຊວງປ້ອງກັນຄວາມສະຫງົບ, ຮອງປະທານຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ",
            "Minister of Public Security, Vice-Chairman of the National Committee for Anti-Human Trafficking",
        ),
    ),
    (
        "phengsavanh-thipphavongxay",
        "general-police-department",
        "",
        ("ເພັງສະຫວັນ ທິບພະວົງໄຊ", "Phengsavanh Thipphavongxay"),
        ("ພັອ ປະລິນຍາເອກ", "Pol. Col. Dr"),
        (
            "ຮອງຫົວໜ້າກົມຕຳຫຼວດ, ຫົວໜ້າກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ",
            "Deputy Director General of the Police Department, Head of the Secretariat of the National "
            "Committee for Anti-Human Trafficking",
        ),
    ),
]

PROGRAMME = {
    "slug": "asean-act",
    "name": ("ແຜນງານອາຊຽນ-ອົດສະຕຣາລີ ເພື່ອຕ້ານການຄ້າມະນຸດ", "ASEAN-Australia Counter Trafficking"),
    "short_name": ("ASEAN-ACT", "ASEAN-ACT"),
    "description": (
        "ແຜນງານ 10 ປີ (2018-2028) ທີ່ສະໜັບສະໜູນຂະແໜງການຍຸຕິທຳ ແລະ ການປົກປ້ອງຜູ້ຖືກເຄາະຮ້າຍ; "
        "ໃນ ສປປ ລາວ ມີເພື່ອນຮ່ວມງານ 4 ພາກສ່ວນ.",
        "A ten-year programme (2018-2028) supporting the justice sector and the protection of victims; "
        "in Lao PDR it works with four partner agencies.",
    ),
    "start_year": 2018,
    "end_year": 2028,
    "partners": [
        "anti-human-trafficking-police-department",
        "supreme-peoples-prosecutor",
        "peoples-supreme-court",
        "counselling-protection-centre",
    ],
}

MEETINGS = [
    {
        "slug": "2024-02-15-asean-act-npsc-2023",
        "title": (
            "ກອງປະຊຸມຄະນະຮັບຜິດຊອບຊີ້ນຳແຜນງານອາຊຽນ-ອົດສະຕຣາລີ ເພື່ອຕ້ານການຄ້າມະນຸດ (NPSC) ປະຈຳປີ 2023",
            "ASEAN-ACT National Programme Steering Committee (NPSC) meeting for 2023",
        ),
        "kind": "steering_committee",
        "start_date": datetime.date(2024, 2, 15),
        "format": "hybrid",
        "venue": ("ໂຮງແຮມລາວເທວ", "Lao Thevo Hotel"),
        "city": ("ນະຄອນຫຼວງວຽງຈັນ", "Vientiane Capital"),
        "organisers": ["secretariat-national-committee", "asean-act-lao-pdr"],
        "programme": "asean-act",
        "attendance": (24, 10, 2),
        "summary": (
            "ກອງປະຊຸມປະຈຳປີຂອງຄະນະຮັບຜິດຊອບຊີ້ນຳແຜນງານ ASEAN-ACT ໃນ ສປປ ລາວ ໄດ້ທົບທວນຄວາມຄືບໜ້າຂອງແຜນງານໃນປີ 2023, "
            "ຮັບຟັງລາຍງານກ່ຽວກັບ 3 ກິດຈະກຳຫຼັກ ແລະ ຜົນສຳເລັດທີ່ພົ້ນເດັ່ນ, ແລ້ວວາງທິດທາງວຽກງານຕໍ່ໜ້າ "
            "ໃຫ້ຂະແໜງການຍຸຕິທຳ ແລະ ວຽກງານປົກປ້ອງຜູ້ຖືກເຄາະຮ້າຍ. ຜູ້ເຂົ້າຮ່ວມມີບັນດາອົງການຈັດຕັ້ງສາກົນ "
            "ແລະ ສະມາຊິກຄະນະຮັບຜິດຊອບຊີ້ນຳແຜນງານ.",
            "The yearly meeting of the ASEAN-ACT National Programme Steering Committee in Lao PDR reviewed the "
            "programme's progress in 2023, heard a report on its three main activities and its most notable "
            "results, and agreed next steps for the justice sector and for the protection of victims. "
            "International organisations and members of the steering committee took part.",
        ),
        "participants": [
            ("kenchanh-phommachack", "co_chair", False),
            ("kate-wallace", "co_chair", False),
            ("kikeo-chanthalangsy", "presenter", False),
        ],
        "agenda": [
            (
                ("ລາຍງານຄວາມຄືບໜ້າການຈັດຕັ້ງປະຕິບັດແຜນງານອາຊຽນ-ອົດສະຕຣາລີ ໃນປີ 2023", "Progress of ASEAN-ACT in 2023"),
                "kikeo-chanthalangsy",
                (
                    "ການຈັດຕັ້ງປະຕິບັດວຽກງານໃນໜຶ່ງປີຜ່ານມາ: 3 ກິດຈະກຳ ແລະ ຜົນສຳເລັດທີ່ພົ້ນເດັ່ນຂອງແຜນງານ.",
                    "The past year's work: three activities and the programme's most notable results.",
                ),
            ),
        ],
        "activities": [
            (
                (
                    "ສ້າງຄວາມອາດສາມາດກ່ຽວກັບຫຼັກຖານທາງດ້ານດິຈີຕອນ/ເອເລັກໂທຣນິກ",
                    "Capacity building on digital and electronic evidence",
                ),
                (
                    "ເຈົ້າໜ້າທີ່ຂະແໜງການຍຸຕິທຳຂັ້ນສູນກາງເຂົ້າໃຈຫຼັກຖານທາງດ້ານດິຈີຕອນດີຂຶ້ນ.",
                    "Central justice-sector officials now understand digital evidence better.",
                ),
                "anti-human-trafficking-police-department",
            ),
            (
                (
                    "ການກຳນົດຕົວຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດໃນຂັ້ນຕອນການສືບສວນ-ສອບສວນ",
                    "Identifying victims of trafficking during investigation",
                ),
                (
                    "ສຳລັບເຈົ້າໜ້າທີ່ຕຳຫຼວດສະກັດກັ້ນ ແລະ ຕ້ານການຄ້າມະນຸດ; ປຶ້ມຄູ່ມືຢູ່ໃນຂັ້ນຕອນການຈັດພິມ ແລະ ອະນຸມັດນຳໃຊ້.",
                    "For anti-trafficking police officers; the handbook is being printed and approved for use.",
                ),
                "anti-human-trafficking-police-department",
            ),
            (
                (
                    "ຂໍ້ມູນຂ່າວສານດ້ານລະບົບຍຸຕິທຳ (ຕຳຫຼວດ, ໄອຍະການ ແລະ ສານ)",
                    "Justice-sector information (police, prosecutors and courts)",
                ),
                (
                    "ຊ່ວຍການປະສານງານຄະດີຄ້າມະນຸດ ແລະ ການຕິດຕາມຈຳນວນຄະດີ, ເພື່ອໃຫ້ການດຳເນີນຄະດີຊັດເຈນ ແລະ ໄວຂຶ້ນ.",
                    "Helps the justice sector coordinate trafficking cases and track case numbers, so that cases "
                    "are handled more clearly and quickly.",
                ),
                "anti-human-trafficking-police-department",
            ),
        ],
        "achievements": [
            (
                (
                    "ປັບປຸງຄວາມອາດສາມາດຂອງຕຳຫຼວດ, ໄອຍະການ ແລະ ຜູ້ພິພາກສາ ໃນການດຳເນີນຄະດີຄ້າມະນຸດ",
                    "Police, prosecutors and judges better able to handle trafficking cases",
                ),
                ("", ""),
                None,
            ),
            (
                (
                    "ເຊື່ອມສານຄວາມສະເໝີພາບຍິງ-ຊາຍ, ການຮ່ວມເອົາທຸກຄົນໃນສັງຄົມ ແລະ ສິດທິຂອງຜູ້ຖືກເຄາະຮ້າຍ ເຂົ້າໃນແຜນຝຶກອົບຮົມຂອງລັດຖະບານ",
                    "Gender equality, social inclusion and victims' rights built into government training",
                ),
                (
                    "ລວມທັງການຝຶກອົບຮົມກ່ຽວກັບການສືບສວນ-ສອບສວນ ແລະ ການດຳເນີນຄະດີຄ້າມະນຸດ.",
                    "Including training on investigating and prosecuting trafficking cases.",
                ),
                None,
            ),
        ],
        "action_items": [
            (
                (
                    "ຮັບຮອງ, ຈັດພິມ ແລະ ຝຶກອົບຮົມເຜີຍແຜ່ປຶ້ມຄູ່ມືຝຶກອົບຮົມວຽກງານສືບສວນ-ສອບສວນຄະດີຄ້າມະນຸດ",
                    "Approve, print and train officers on the training manual for investigating trafficking cases",
                ),
                ["anti-human-trafficking-police-department"],
                None,
            ),
            (
                (
                    "ຕິດຕາມຊຸກຍູ້ດ້ານວິຊາການ ແລະ ກວດກາການດຳເນີນຄະດີຄ້າມະນຸດ ໂດຍເອົາຜູ້ຖືກເຄາະຮ້າຍເປັນໃຈກາງ ໃຫ້ແກ່ແຂວງເປົ້າໝາຍ",
                    "Technical follow-up and monitoring of victim-centred prosecution of trafficking cases in the "
                    "target provinces",
                ),
                ["supreme-peoples-prosecutor", "peoples-supreme-court"],
                None,
            ),
            (
                (
                    "ຕິດຕາມຊຸກຍູ້ດ້ານວິຊາການວຽກງານການປົກປ້ອງ, ຊ່ວຍເຫຼືອ ແລະ ສົ່ງຕໍ່ຜູ້ຖືກເຄາະຮ້າຍ ໃຫ້ແຂວງເປົ້າໝາຍ",
                    "Technical follow-up on the protection, assistance and referral of victims in the target provinces",
                ),
                ["counselling-protection-centre"],
                None,
            ),
        ],
    },
    {
        "slug": "2020-02-13-annual-review-2019",
        "title": (
            "ກອງປະຊຸມສະຫຼຸບການເຄື່ອນໄຫວວຽກງານຕ້ານການຄ້າມະນຸດທົ່ວປະເທດ ປະຈຳປີ 2019",
            "National annual review of counter-trafficking work in 2019 and plan for 2020",
        ),
        "kind": "annual_review",
        "start_date": datetime.date(2020, 2, 13),
        "format": "in_person",
        "venue": ("ຫໍປະຊຸມແຫ່ງຊາດ", "National Convention Hall"),
        "city": ("ນະຄອນຫຼວງວຽງຈັນ", "Vientiane Capital"),
        "organisers": ["national-committee-anti-human-trafficking"],
        "programme": None,
        "attendance": (None, None, None),
        "summary": (
            "ກອງປະຊຸມທົ່ວປະເທດໄດ້ສະຫຼຸບຜົນການຈັດຕັ້ງປະຕິບັດວຽກງານຕ້ານການຄ້າມະນຸດໃນປີ 2019, ຕີລາຄາດ້ານດີ ແລະ ດ້ານຄົງຄ້າງ, "
            "ແລ້ວວາງທິດທາງແຜນການປີ 2020: ຫຼຸດຜ່ອນການຄ້າມະນຸດ, ນຳຜູ້ກະທຳຜິດມາລົງໂທດຕາມກົດໝາຍ ແລະ ປົກປ້ອງ "
            "ຊ່ວຍເຫຼືອຜູ້ຖືກເຄາະຮ້າຍໃຫ້ຫຼາຍຂຶ້ນ. ຜູ້ເຂົ້າຮ່ວມມີຄະນະກຳມະການລະດັບຊາດ, ຄະນະກຳມະການລະດັບແຂວງ, "
            "ນະຄອນຫຼວງວຽງຈັນ, ສະມາຊິກກອງເລຂາ ແລະ ແຂກຖືກເຊີນ.",
            "The nationwide meeting took stock of counter-trafficking work in 2019, weighed what went well and "
            "what remains to be done, and set the course for 2020: less trafficking, offenders brought to "
            "justice under the law, and more victims and people at risk protected and assisted. Members of the "
            "national and provincial committees, Vientiane Capital, the secretariat and invited guests took part.",
        ),
        "participants": [
            ("sonexay-siphandone", "chair", False),
            ("vilay-lakhamfong", "presenter", False),
            ("phengsavanh-thipphavongxay", "presenter", False),
        ],
        "agenda": [
            (
                (
                    "ລາຍງານການຈັດຕັ້ງປະຕິບັດວຽກງານຕ້ານການຄ້າມະນຸດ ປະຈຳປີ 2019",
                    "Report on counter-trafficking work in 2019",
                ),
                "vilay-lakhamfong",
                (
                    "ຜົນງານຂອງຄະນະກຳມະການທຸກຂັ້ນໃນການຜັນຂະຫຍາຍດຳລັດ ເລກທີ 245/ນຍ: ນິຕິກຳ, ການໂຄສະນາ, ການດຳເນີນຄະດີ, "
                    "ການຊ່ວຍເຫຼືອຜູ້ຖືກເຄາະຮ້າຍ ແລະ ການຮ່ວມມືກັບຕ່າງປະເທດ.",
                    "What committees at every level achieved under Prime Minister's Decree No. 245/PM: legislation, "
                    "awareness, prosecution, help for victims and international cooperation.",
                ),
            ),
            (
                (
                    "ບົດລາຍງານປະຈຳປີ 2019 ສົ່ງສະຖານທູດອາເມລິກາ ແລະ ການຮ່າງແຜນງານແຫ່ງຊາດວ່າດ້ວຍການຕ້ານການຄ້າມະນຸດ 2021-2025",
                    "The 2019 report for the US Embassy and the draft National Plan of Action against trafficking "
                    "2021-2025",
                ),
                "phengsavanh-thipphavongxay",
                (
                    "ແຜນງານແຫ່ງຊາດຈະສົ່ງໃຫ້ກະຊວງແຜນການ ແລະ ການລົງທຶນ ເພື່ອເອົາເຂົ້າແຜນພັດທະນາເສດຖະກິດ-ສັງຄົມແຫ່ງຊາດ 5 ປີ "
                    "ຄັ້ງທີ 9 (2021-2025).",
                    "The national plan goes to the Ministry of Planning and Investment, to become part of the 9th "
                    "five-year National Socio-Economic Development Plan (2021-2025).",
                ),
            ),
        ],
        "activities": [
            (
                (
                    "ສ້າງຕັ້ງຄະນະກຳມະການຕ້ານການຄ້າມະນຸດ ໃນ 18 ແຂວງ (ລວມທັງນະຄອນຫຼວງວຽງຈັນ) ແລະ 28 ເມືອງ",
                    "Counter-trafficking committees set up in 18 provinces (including Vientiane Capital) and 28 "
                    "districts",
                ),
                (
                    "ຕາມດຳລັດ ເລກທີ 245/ນຍ ຂອງນາຍົກລັດຖະມົນຕີ ວ່າດ້ວຍການຈັດຕັ້ງ ແລະ ການເຄື່ອນໄຫວຂອງຄະນະກຳມະການຕ້ານການຄ້າມະນຸດ.",
                    "Under Prime Minister's Decree No. 245/PM on the organisation and work of the counter-trafficking "
                    "committees.",
                ),
                "national-committee-anti-human-trafficking",
            ),
            (("ສ້າງ ແລະ ປັບປຸງນິຕິກຳ", "Legislation drafted and improved"), ("", ""), None),
            (
                (
                    "ໂຄສະນາທາງໂທລະພາບ, ວິທະຍຸ ແລະ ສັງຄົມອອນລາຍ",
                    "Awareness campaigns on television, radio and social media",
                ),
                ("", ""),
                None,
            ),
            (
                (
                    "ຮ່ວມມືສອງຝ່າຍ ລາວ-ຫວຽດນາມ, ລາວ-ຈີນ, ລາວ-ໄທ ແລະ ສາມຝ່າຍ ກຳປູເຈຍ-ລາວ-ຫວຽດນາມ",
                    "Bilateral cooperation (Lao-Vietnam, Lao-China, Lao-Thailand) and trilateral cooperation "
                    "(Cambodia-Lao-Vietnam)",
                ),
                (
                    "ພ້ອມທັງຮ່ວມມືກັບອົງການຈັດຕັ້ງສາກົນ ແລະ ອົງການທີ່ບໍ່ສັງກັດລັດຖະບານ.",
                    "Together with international and non-governmental organisations.",
                ),
                None,
            ),
        ],
        "achievements": [
            (("ນຳເອົາຜູ້ກະທຳຜິດມາລົງໂທດ", "Offenders brought to justice"), ("", ""), None),
            (
                (
                    "ປົກປ້ອງ ແລະ ຊ່ວຍເຫຼືອຜູ້ຖືກເຄາະຮ້າຍ ແລະ ກຸ່ມສ່ຽງ, ສົ່ງຄືນສູ່ຄອບຄົວ ແລະ ສັງຄົມ",
                    "Victims and people at risk protected, assisted and returned to their families and communities",
                ),
                ("", ""),
                None,
            ),
        ],
        "action_items": [
            (
                ("ຫຼຸດຜ່ອນການຄ້າມະນຸດ", "Reduce trafficking in persons"),
                ["national-committee-anti-human-trafficking", "provincial-committees"],
                datetime.date(2020, 12, 31),
            ),
            (
                ("ນຳເອົາຜູ້ກະທຳຜິດມາລົງໂທດຕາມກົດໝາຍ", "Bring offenders to justice under the law"),
                ["national-committee-anti-human-trafficking", "provincial-committees"],
                datetime.date(2020, 12, 31),
            ),
            (
                (
                    "ປົກປ້ອງ ແລະ ຊ່ວຍເຫຼືອຜູ້ຖືກເຄາະຮ້າຍ ແລະ ກຸ່ມສ່ຽງ ໃຫ້ຫຼາຍຂຶ້ນກວ່າເກົ່າ",
                    "Protect and assist more victims and people at risk than before",
                ),
                ["national-committee-anti-human-trafficking", "provincial-committees"],
                datetime.date(2020, 12, 31),
            ),
        ],
    },
]
