import pytest

from sanctionwatch.ingest import syndication as syn


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def test_syndication_shingles_are_five_lower_case_words() -> None:
    assert syn.shingles("One two Three four five six.") == {
        b"one two three four five",
        b"two three four five six",
    }
    assert syn.shingles("Too short") == {b"too short"}
    assert syn.shingles("...") == set()


def test_syndication_hashes_match_the_shingle_count() -> None:
    text = "a b c d e f a b c d e f g"

    assert len(syn.shingle_hashes(text)) == len(syn.shingles(text))


def test_syndication_signature_is_stable_and_round_trips(story: list[str]) -> None:
    first = syn.signature_of(_text(story))
    second = syn.signature_of(_text(story))

    assert first is not None and second is not None
    assert first.to_bytes() == second.to_bytes()
    restored = syn.Signature.from_bytes(first.to_bytes(), first.shingles)
    assert syn.jaccard(first, restored) == 1.0
    assert len(syn.band_keys(first)) == syn.BANDS
    assert syn.signature_of("") is None


@pytest.mark.parametrize(
    ("variant", "same"),
    [
        pytest.param(
            lambda s: ["Republished with permission.", *s, "Sign up today."], True, id="boilerplate"
        ),
        pytest.param(lambda s: s[:-1], True, id="trimmed-paragraph"),
        pytest.param(lambda s: s[:3], True, id="first-half-only"),
        pytest.param(lambda s: [s[0].replace("new", "fresh"), *s[1:]], True, id="edited-lead"),
        pytest.param(
            lambda s: [" ".join(reversed(p.split())) for p in s], False, id="words-scrambled"
        ),
    ],
)
def test_syndication_same_story_judgement(story: list[str], variant: object, same: bool) -> None:
    original = syn.signature_of(_text(story))
    copy = syn.signature_of(_text(variant(list(story))))  # type: ignore[operator]

    assert original is not None and copy is not None
    assert syn.same_story(original, copy)[0] is same
