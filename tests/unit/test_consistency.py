"""The bilingual consistency check (statusdesk/core/consistency.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statusdesk.core.consistency import consistency_warnings, mentions
from statusdesk.core.model import BilingualText, Problem, Severity

TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
TO_EXTENDED = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

API = BilingualText("API", "الواجهة البرمجية")
PAYMENTS = BilingualText("Payments", "المدفوعات")


def warn(en: str, ar: str, components: tuple[BilingualText, ...] = ()) -> list[Problem]:
    return consistency_warnings(BilingualText(en, ar), components)


def quoted(problem: Problem) -> str:
    """The token a warning names, as written in its text."""
    match = re.search("“([^”]*)”", problem.message)
    assert match, problem.message
    return match.group(1)


def test_a_consistent_update_has_no_warnings() -> None:
    en = (
        "Since 14:30 UTC about 1,250 API requests (3.5%) fail in us-east-1. "
        "Next update in 30 minutes at https://status.example.com/i/42."
    )
    ar = (
        "منذ ١٤:٣٠ UTC تفشل نحو ١٬٢٥٠ من طلبات الواجهة البرمجية (٣٫٥٪) في us-east-1. "
        "التحديث التالي خلال ٣٠ دقيقة على https://status.example.com/i/42."
    )
    assert warn(en, ar, (API, PAYMENTS)) == []


@pytest.mark.parametrize("digits", [TO_ARABIC_INDIC, TO_EXTENDED])
def test_digits_in_either_script_compare_equal(digits: dict[int, int]) -> None:
    en = "Fixed at 09:05; 42 servers, 7.25% loss, ETA 15 min."
    ar = "أُصلح الساعة 09:05؛ 42 خادمًا، خسارة 7.25%، المتوقع 15 دقيقة.".translate(digits)
    assert warn(en, ar) == []


def test_a_number_only_one_language_has_is_reported_where_it_is() -> None:
    en = "We expect recovery within 30 minutes."
    ar = "نتوقع التعافي قريبًا."
    (problem,) = warn(en, ar)
    assert problem.severity is Severity.WARNING
    assert (problem.field, problem.position) == ("body_en", en.index("30"))
    assert problem.message == (
        "The number “30” is in the English text but not in the Arabic text; "
        "add it to the Arabic text too."
    )


def test_a_different_number_is_reported_on_both_sides_naming_the_other() -> None:
    en = "ETA 30 minutes."
    ar = "الوقت المتوقع ٤٥ دقيقة."
    first, second = warn(en, ar)
    assert (first.field, first.position, quoted(first)) == ("body_en", 4, "30")
    assert "which has “٤٥”" in first.message
    assert (second.field, second.position, quoted(second)) == ("body_ar", ar.index("٤٥"), "٤٥")
    assert "not in the English text, which has “30”" in second.message


def test_times_compare_across_scripts_and_clocks() -> None:
    assert warn("Back at 2:30 PM.", "عاد الساعة ١٤:٣٠.") == []
    assert warn("Back at 14:30.", "عاد الساعة ٢:٣٠ م.") == []
    assert warn("Back at 5 pm.", "عاد الساعة ٥ مساءً.") == []
    assert warn("Back at 9:00 AM.", "عاد الساعة ٩:٠٠ صباحًا.") == []


def test_a_time_without_am_or_pm_is_not_guessed() -> None:
    assert warn("Back at 2:30.", "عاد الساعة ١٤:٣٠.") == []


def test_a_different_time_is_a_time_warning() -> None:
    problems = warn("Next update at 2:30 AM.", "التحديث التالي الساعة ١٤:٣٠.")
    assert [(p.field, quoted(p)) for p in problems] == [
        ("body_en", "2:30 AM"),
        ("body_ar", "١٤:٣٠"),
    ]
    assert problems[0].message.startswith("The time “2:30 AM”")


def test_a_minute_is_not_a_number_of_its_own() -> None:
    (problem,) = warn("Since 14:30, 2 regions.", "منذ ١٤:٣٥، منطقتان ٢.")[:1]
    assert quoted(problem) == "14:30"


def test_decimal_and_thousands_separators_of_either_script() -> None:
    assert warn("3.5 GB and 1,000 users", "٣٫٥ غيغابايت و١٬٠٠٠ مستخدم") == []
    assert warn("1,000 users", "1000 مستخدم") == []
    assert warn("0.50 s", "0.5 ثانية") == []
    assert [quoted(p) for p in warn("3.5 GB", "٣٫٦ غيغابايت")] == ["3.5", "٣٫٦"]


def test_percentages() -> None:
    assert warn("50% of calls", "٥٠٪ من المكالمات") == []
    assert warn("50% of calls", "%50 من المكالمات") == []
    assert warn("50 percent of calls", "٥٠ بالمئة من المكالمات") == []
    assert [quoted(p) for p in warn("50% of calls", "٥٠ من المكالمات")] == ["50%", "٥٠"]


def test_links_compare_exactly_and_their_digits_are_not_numbers() -> None:
    en = "Details: https://status.example.com/i/42."
    ar = "التفاصيل: https://status.example.com/i/43."
    problems = warn(en, ar)
    assert [quoted(p) for p in problems] == [
        "https://status.example.com/i/42",
        "https://status.example.com/i/43",
    ]
    assert all(p.message.startswith("The link") for p in problems)
    assert problems[0].position == en.index("https")


def test_a_link_written_with_arabic_indic_digits_is_another_link() -> None:
    problems = warn("See https://x.example.com/i/42", "انظر https://x.example.com/i/٤٢")
    assert [quoted(p) for p in problems] == [
        "https://x.example.com/i/42",
        "https://x.example.com/i/٤٢",
    ]


def test_sentence_punctuation_after_a_link_is_not_part_of_it() -> None:
    assert warn("See https://x.example.com/a.", "انظر https://x.example.com/a،") == []
    assert warn("(see https://x.example.com/a)", "(انظر https://x.example.com/a)") == []


def test_bare_domains_and_addresses_are_links() -> None:
    (problem,) = warn("Follow status.example.com.", "تابعوا صفحة الحالة.")
    assert quoted(problem) == "status.example.com"
    (problem,) = warn("Write to support@example.com", "راسلونا")
    assert quoted(problem) == "support@example.com"


def test_file_names_and_a_missing_space_are_not_links() -> None:
    assert [m.kind for m in mentions("Our Node.js app is down.We are on it.")] == []


def test_identifiers_compare_whole() -> None:
    problems = warn("Degraded in us-east-1 (EC2).", "تراجع في us-east-2 (EC2).")
    assert [quoted(p) for p in problems] == ["us-east-1", "us-east-2"]
    assert problems[0].message.startswith("The identifier")


def test_list_markers_and_ordinals_are_not_facts() -> None:
    en = "Steps:\n1. Restart the 2nd node\n2. Check it"
    ar = "الخطوات:\n- أعد تشغيل العقدة الثانية\n- تحقق منها"
    assert warn(en, ar) == []


def test_a_component_named_in_one_language_only() -> None:
    en = "The API and Payments are degraded."
    ar = "تراجع أداء الواجهة البرمجية."
    (problem,) = warn(en, ar, (API, PAYMENTS))
    assert (problem.field, problem.position) == ("body_en", en.index("Payments"))
    assert problem.message == (
        "The component “Payments” is named in the English text but not in the Arabic text; "
        "name it there too (“المدفوعات”)."
    )


def test_a_component_named_only_in_arabic_points_into_the_arabic_text() -> None:
    ar = "تعطل الدفع في المدفوعات."
    (problem,) = warn("Outage.", ar, (PAYMENTS,))
    assert (problem.field, problem.position) == ("body_ar", ar.index("المدفوعات"))
    assert "(“Payments”)" in problem.message


def test_arabic_component_names_with_prefixes_harakat_and_variants() -> None:
    for ar in (
        "مشكلة بالواجهة البرمجية",  # بـ + the name
        "مشكلة للواجهة البرمجية",  # ل + ال contracts to لل
        "مشكلة الواجِهة البَرمجية",  # harakat
        "مشكلة في API",  # the English name inside the Arabic text
    ):
        assert warn("API trouble", ar, (API,)) == [], ar


def test_english_component_names_need_their_case_to_count() -> None:
    search = BilingualText("Search", "البحث")
    assert warn("We search for the cause.", "نبحث عن السبب.", (search,)) == []
    assert len(warn("Search is down.", "نبحث عن السبب.", (search,))) == 1
    assert warn("Search is down.", "البحث متوقف.", (search,)) == []


def test_a_component_with_one_name_is_not_checked() -> None:
    assert warn("Billing is down.", "متوقف.", (BilingualText("Billing", ""),)) == []


def test_the_longest_overlapping_component_name_wins() -> None:
    gateway = BilingualText("API Gateway", "بوابة العبور")
    assert warn("API Gateway errors.", "أخطاء في بوابة العبور.", (API, gateway)) == []


def test_digits_in_a_component_name_are_the_name_s() -> None:
    region = BilingualText("Region 2", "المنطقة الثانية")
    assert warn("Region 2 is down.", "المنطقة الثانية متوقفة.", (region,)) == []


def test_nothing_is_compared_while_one_language_is_empty() -> None:
    assert warn("Back at 14:30.", "") == []
    assert warn("  \n", "عاد الساعة ١٤:٣٠.") == []


def test_english_warnings_come_first_then_by_position() -> None:
    problems = warn("At 14:30, 5 hosts", "7 أجهزة عند 15:30")
    assert [(p.field, quoted(p)) for p in problems] == [
        ("body_en", "14:30"),
        ("body_en", "5"),
        ("body_ar", "7"),
        ("body_ar", "15:30"),
    ]


def test_a_repeated_token_is_reported_once() -> None:
    assert len(warn("30 minutes, then 30 more", "دقائق")) == 1


PIECES = st.sampled_from(
    [
        "We", "are", "investigating", "API", "us-east-1", "EC2", "v2", "ETA", "at", "PM",
        "14:30", "2:30", "12", "3.5", "1,000", "99.9%", "50 percent", "1st", "0", "007",
        "https://status.example.com/i/42", "status.example.com", "a@b.io", "\n1. ", "(", ")",
        ".", ",", ":", "-", "/", "%", " ", "\n",
    ]
)  # fmt: skip


@given(st.lists(PIECES, min_size=1).map(" ".join), st.sampled_from([TO_ARABIC_INDIC, TO_EXTENDED]))
def test_the_same_text_in_arabic_indic_digits_never_differs(
    en: str, digits: dict[int, int]
) -> None:
    """Only a link with digits in it may differ (see above)."""
    ar = "نص " + en.translate(digits)
    assert [p for p in warn(en, ar) if not p.message.startswith("The link")] == []


@given(st.text(), st.sampled_from([TO_ARABIC_INDIC, TO_EXTENDED]))
def test_converting_digits_of_any_text_never_warns(en: str, digits: dict[int, int]) -> None:
    problems = warn(en, en.translate(digits) + " نص")
    assert [p for p in problems if not p.message.startswith("The link")] == []


@given(st.lists(PIECES).map(" ".join), st.lists(PIECES).map(" ".join))
def test_every_warning_points_at_what_it_names(en: str, ar: str) -> None:
    texts = {"body_en": en, "body_ar": "نص " + ar.translate(TO_ARABIC_INDIC)}
    for problem in warn(texts["body_en"], texts["body_ar"]):
        assert problem.position is not None
        assert texts[problem.field].startswith(quoted(problem), problem.position)
