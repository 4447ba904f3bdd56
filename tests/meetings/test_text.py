from meetings.rules.text import ZWSP, line_break_hints, normalise_text, search_key, words

RUN = "ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ"


def test_decomposed_sara_am_is_stored_precomposed():
    assert normalise_text("ກໍາມະການ") == "ກຳມະການ"
    assert normalise_text("ກຳມະການ") == "ກຳມະການ"


def test_double_sara_e_is_sara_ae_and_zero_width_spaces_are_dropped():
    assert normalise_text("ເເກ່ນຈັນ") == "ແກ່ນຈັນ"
    assert normalise_text(f"ກອງ{ZWSP}ເລຂາ") == "ກອງເລຂາ"


def test_spaces_collapse_but_lines_stay():
    assert normalise_text("  a \u00a0 b\r\n c  ") == "a b\nc"


def test_search_key_casefolds():
    assert search_key("ASEAN-ACT ກໍາ") == "asean-act ກຳ"


def test_words_segments_a_lao_run():
    assert words(RUN) == ["ກອງ", "ເລຂາ", "ຄະນະ", "ກຳມະການ", "ຕ້ານ", "ການຄ້າ", "ມະນຸດ", "ລະດັບ", "ຊາດ"]
    assert words("Victim identification, 2023") == ["victim", "identification", "2023"]


def test_line_break_hints_between_lao_words_only():
    hinted = line_break_hints(f"{RUN} (ASEAN-ACT) 2023")
    assert hinted.replace(ZWSP, "") == f"{RUN} (ASEAN-ACT) 2023"
    assert hinted.split(" ")[0].split(ZWSP) == words(RUN)
    assert "(ASEAN-ACT)" in hinted
    assert line_break_hints("English only, no hints") == "English only, no hints"


def test_line_break_hints_survive_characters_outside_the_bmp():
    hinted = line_break_hints("😀ກອງເລຂາ")
    assert hinted.replace(ZWSP, "") == "😀ກອງເລຂາ"
    assert hinted.endswith(f"ກອງ{ZWSP}ເລຂາ")
