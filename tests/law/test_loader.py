from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sanctionwatch.domain import ClaimType
from sanctionwatch.domain.errors import ConfigError
from sanctionwatch.law import REGIME_ERROR_CODES, load_regime

GOOD_PROVISION = """\
  - id: TEST-OP1
    resolution: "9999"
    paragraph: "1"
    adopted: "2020-01-01"
    category: arms_from_dprk
    status: verified
    summary: A test paragraph.
    conditions:
      - {id: arms-out, claim_type: arms_transfer, source: [KP], reason: arms out}
"""


def write_pack(tmp_path: Path, provisions: str, *, header: str | None = None) -> Path:
    head = header if header is not None else "regime: test\nversion: '1'\nname: Test regime\n"
    path = tmp_path / "pack.yaml"
    path.write_text(head + "provisions:\n" + textwrap.dedent(provisions), encoding="utf-8")
    return path


def provision(**changes: object) -> str:
    """GOOD_PROVISION with fields replaced (None removes the line's value to null)."""
    lines = []
    for line in GOOD_PROVISION.splitlines():
        key = line.strip().removeprefix("- ").split(":", 1)[0]
        if key in changes:
            value = changes[key]
            prefix = line[: len(line) - len(line.lstrip())] + ("- " if "- " in line[:6] else "")
            line = f"{prefix}{key}: {'null' if value is None else value}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_loader_default_pack_loads_every_provision() -> None:
    regime = load_regime()
    assert regime.id == "un1718"
    assert regime.version and regime.name
    assert len(regime.provisions) == 69
    ids = {p.id for p in regime.provisions}
    for expected in ("UNSCR-1718-OP8(b)", "UNSCR-2397-OP8", "UNSCR-2375-OP17", "UNSCR-1874-OP10"):
        assert expected in ids


def test_loader_default_pack_never_gives_unverified_paragraphs() -> None:
    for item in load_regime().provisions:
        if item.status == "unverified" or "UNVERIFIED" in item.id:
            assert item.paragraph is None, item.id
            assert "paragraph unverified" in item.citation
        else:
            assert item.paragraph is not None, item.id


def test_loader_default_pack_keeps_guesses_apart() -> None:
    regime = load_regime()
    guessed = regime.provision("UNSCR-1874-UNVERIFIED-all-arms-from-dprk")
    assert guessed.unverified_paragraph_guess == "9"
    assert guessed.paragraph is None
    assert regime.provision("UNSCR-2397-OP8").deadline


def test_loader_default_pack_monitoring_has_no_conditions() -> None:
    regime = load_regime()
    for item in regime.provisions:
        if item.category in {"monitoring", "designations"}:
            assert regime.conditions_for(item.id) == (), item.id


def test_loader_default_is_cached() -> None:
    assert load_regime() is load_regime()


def test_loader_reads_custom_pack(tmp_path: Path) -> None:
    text = provision(adopted="2020-01-01")  # unquoted: YAML makes it a date
    text = text.replace("source: [KP],", "source: [KP], item_keywords: [Ship-to-Ship],")
    regime = load_regime(write_pack(tmp_path, text))
    (condition,) = regime.conditions_for("TEST-OP1")
    assert regime.provisions[0].adopted == "2020-01-01"
    assert regime.provisions[0].regime == "test"
    assert condition.claim_type is ClaimType.ARMS_TRANSFER
    assert condition.source == frozenset({"KP"})
    assert condition.item_keywords == ("ship to ship",)
    assert condition.kind == "violation"


BAD_PACKS = [
    pytest.param(provision(status="confirmed"), "E312", id="unknown-status"),
    pytest.param(
        GOOD_PROVISION.replace("claim_type: arms_transfer", "claim_type: arms_sale"),
        "E316",
        id="unknown-claim-type",
    ),
    pytest.param(GOOD_PROVISION + GOOD_PROVISION, "E313", id="duplicate-id"),
    pytest.param(provision(status="unverified"), "E314", id="unverified-with-paragraph"),
    pytest.param(
        provision(id="TEST-UNVERIFIED-thing", status="partial"),
        "E315",
        id="unverified-id-paragraph",
    ),
    pytest.param(provision(category="weather"), "E318", id="unknown-category"),
    pytest.param(provision(paragraph=None), "E319", id="verified-without-paragraph"),
    pytest.param(provision(summary=None), "E311", id="missing-summary"),
    pytest.param(
        GOOD_PROVISION.replace(
            "    summary: A test paragraph.\n", "    summary: x\n    colour: red\n"
        ),
        "E311",
        id="unknown-field",
    ),
    pytest.param(
        GOOD_PROVISION.replace("reason: arms out", "reason: arms out, kind: maybe"),
        "E317",
        id="bad-kind",
    ),
    pytest.param(
        GOOD_PROVISION.replace("source: [KP]", "source: [North Korea]"), "E317", id="bad-code"
    ),
    pytest.param(
        GOOD_PROVISION.replace("source: [KP]", "origin: [KP]"), "E317", id="unknown-condition-key"
    ),
    pytest.param(
        GOOD_PROVISION.replace("source: [KP]", "source: [KP], item_match: optional"),
        "E317",
        id="optional-without-keywords",
    ),
    pytest.param(
        GOOD_PROVISION.replace("source: [KP]", "source: [KP], item_categories: [weather]"),
        "E317",
        id="unknown-item-category",
    ),
    pytest.param(
        GOOD_PROVISION.replace("source: [KP]", "source: [KP], catch_all: maybe"),
        "E317",
        id="catch-all-not-boolean",
    ),
    pytest.param(
        GOOD_PROVISION.replace(
            "    conditions:", "    breach_from: '22 Dec 2019'\n    conditions:"
        ),
        "E311",
        id="breach-from-not-a-day",
    ),
]


@pytest.mark.parametrize(("provisions", "code"), BAD_PACKS)
def test_loader_rejects_bad_pack(tmp_path: Path, provisions: str, code: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_regime(write_pack(tmp_path, provisions))
    assert caught.value.code == code
    assert code in REGIME_ERROR_CODES
    assert "TEST" in caught.value.message  # the message names the provision


@pytest.mark.parametrize(
    ("content", "code"),
    [
        pytest.param("regime: [unclosed", "E310", id="not-yaml"),
        pytest.param("- just\n- a list\n", "E310", id="not-a-mapping"),
        pytest.param("regime: test\nversion: '1'\nname: x\nprovisions: []\n", "E311", id="empty"),
        pytest.param("version: '1'\nname: x\nprovisions: []\n", "E311", id="no-regime"),
    ],
)
def test_loader_rejects_bad_file(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_regime(path)
    assert caught.value.code == code


def test_loader_missing_file_is_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_regime(tmp_path / "absent.yaml")
    assert caught.value.code == "E310"
    assert "absent.yaml" in str(caught.value)
