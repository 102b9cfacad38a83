import pytest

from sanctionwatch.ingest import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "North Korea shipped artillery shells to Russia by rail, officials in Seoul said.",
            "en",
            id="english",
        ),
        pytest.param(
            "Северная Корея отправила в Россию артиллерийские снаряды по железной дороге.",
            "ru",
            id="russian",
        ),
        pytest.param(
            "북한은 철도로 러시아에 포탄을 보냈다고 서울의 관리들이 말했다.", "ko", id="korean"
        ),
        pytest.param(
            "Nordkorea hat nach Angaben von Beamten Artilleriegranaten per Bahn nach Russland geliefert.",
            "de",
            id="german",
        ),
        pytest.param("Pyongyang, 12 March", None, id="too-short"),
        pytest.param("1234 5678 -- 90 %% 11", None, id="no-letters"),
    ],
)
def test_language_detects_offline(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_language_short_english_is_not_a_creole() -> None:
    assert detect_language("North Korea sent 3,000 workers to Russia in 2024.") == "en"
