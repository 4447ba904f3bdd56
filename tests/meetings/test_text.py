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
    assert normalise_text("a\tb\u00a0c  d") == "a b c d"


def test_every_run_of_spaces_tabs_and_no_break_spaces_is_one_space():
    """Every mix of spaces, tabs and no-break spaces, up to three long, between two words."""
    import itertools

    for length in range(1, 4):
        for run in itertools.product(" \t\u00a0", repeat=length):
            assert normalise_text("ກ" + "".join(run) + "x") == "ກ x", repr(run)


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


def test_web_text_keeps_a_name_s_words_and_loanwords_whole_and_escapes_the_rest():
    from meetings.templatetags.portal import _paragraphs, _unbroken

    name = 'ພົຈ ກິແກ້ວ <script>alert("x")</script> & ສະຖານທູດອົດສະຕຣາລີ'
    assert _unbroken(name, is_name=True) == (
        '<span class="unbroken">ພົຈ</span> <span class="unbroken">ກິແກ້ວ</span> '
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ສະຖານທູດ<span class="unbroken">ອົດສະຕຣາລີ</span>'
    )
    # running text: only loanwords; a name's words are left to the browser there
    assert _unbroken("ທ່ານ ກິແກ້ວ ນຳສະເໜີ ວິດີໂອ", is_name=False) == (
        'ທ່ານ ກິແກ້ວ ນຳສະເໜີ <span class="unbroken">ວິດີໂອ</span>'
    )
    assert _paragraphs("ວິດີໂອ <b>\nແຖວສອງ\n\nວັກສອງ & ອາຊຽນ") == (
        '<p><span class="unbroken">ວິດີໂອ</span> &lt;b&gt;<br>ແຖວສອງ</p>\n\n'
        '<p>ວັກສອງ &amp; <span class="unbroken">ອາຊຽນ</span></p>'
    )
    assert _unbroken("English & <i>only</i>", is_name=True) == "English &amp; &lt;i&gt;only&lt;/i&gt;"
