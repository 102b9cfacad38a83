from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.assess import DocumentInfo, load_outlet_registry
from sanctionwatch.domain.errors import ConfigError


@pytest.mark.parametrize(
    ("outlet", "url", "name", "kind"),
    [
        pytest.param("Korean Central News Agency (KCNA)", None, "KCNA", "state_media", id="kcna"),
        pytest.param("Yonhap News Agency (via a portal)", None, "Yonhap", "wire_service", id="yon"),
        pytest.param(None, "https://en.yna.co.kr/view/x", "Yonhap", "wire_service", id="subdomain"),
        pytest.param(None, "https://notyna.co.kr/x", "notyna.co.kr", "unknown", id="not-suffix"),
        pytest.param("Old Salt Blog (a sailor)", None, "Old Salt Blog", "blog", id="blog"),
        pytest.param("Radiant Sunrise", None, "Radiant Sunrise", "unknown", id="no-partial-word"),
    ],
)
def test_sources_classify_by_name_then_domain(
    outlet: str | None, url: str | None, name: str, kind: str
) -> None:
    profile = load_outlet_registry().classify(DocumentInfo(id="d", outlet=outlet, url=url))
    assert (profile.name, profile.kind) == (name, kind)
    assert profile.matched_by


def test_sources_state_media_of_actor_is_involved() -> None:
    registry = load_outlet_registry()
    doc = DocumentInfo(id="d", outlet="TASS")
    assert registry.classify(doc, involved={"RU", "KP"}).reliability == "D"
    assert registry.classify(doc, involved={"CN"}).reliability == "C"


def test_sources_default_registry_is_cached() -> None:
    assert load_outlet_registry() is load_outlet_registry()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        pytest.param("kinds: [oops", "E320", id="not-yaml"),
        pytest.param("outlets: []\n", "E320", id="no-kinds"),
        pytest.param("kinds: {unknown: {reliability: G}}\n", "E321", id="bad-letter"),
        pytest.param("kinds: {wire: {reliability: B}}\n", "E321", id="no-unknown-kind"),
        pytest.param(
            "kinds: {unknown: {reliability: F}}\noutlets: [{name: X, kind: wire}]\n",
            "E321",
            id="unknown-kind",
        ),
    ],
)
def test_sources_rejects_bad_registry(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_outlet_registry(path)
    assert caught.value.code == code
