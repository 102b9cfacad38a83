from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.reports.highlight import Mark, paragraph_bounds, segment_text

TEXT = "North Korea shipped shells to Russia. <script>x</script> Russia denied it."


def test_highlight_nested_and_overlapping_marks() -> None:
    marks = [
        Mark(0, 37, "evidence", claim="a"),
        Mark(12, 19, "trigger", claim="a"),
        Mark(30, 60, "other"),
    ]
    pieces = segment_text(TEXT, marks)
    assert "".join(p.text for p in pieces) == TEXT
    trigger = next(p for p in pieces if "trigger" in p.kinds)
    assert trigger.text == "shipped" and trigger.kinds == ("evidence", "trigger")
    both = next(p for p in pieces if p.kinds == ("evidence", "other"))
    assert both.text == "Russia."


def test_highlight_region_clips_marks() -> None:
    pieces = segment_text(TEXT, [Mark(0, 37, "evidence")], start=20, end=45)
    assert "".join(p.text for p in pieces) == TEXT[20:45]
    assert pieces[0].kinds == ("evidence",) and pieces[-1].kinds == ()


def test_highlight_paragraph_bounds() -> None:
    text = "one\n\ntwo three\nfour"
    assert paragraph_bounds(text, 5, 8) == (5, 14)
    assert text[slice(*paragraph_bounds(text, 15, 19))] == "four"


@given(
    st.text(max_size=60),
    st.lists(
        st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(["a", "b", "c"])),
        max_size=8,
    ),
)
def test_highlight_pieces_always_join_back_to_the_text(
    text: str, raw: list[tuple[int, int, str]]
) -> None:
    marks = [Mark(lo, hi, kind) for lo, hi, kind in raw]
    pieces = segment_text(text, marks)
    assert "".join(p.text for p in pieces) == text
    assert all(p.text for p in pieces) or text == ""
