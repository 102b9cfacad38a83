"""A real yente client (the ``yente-client`` package) against ``sanctionwatch serve``."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
yente_client = pytest.importorskip("yente_client")
FIXTURE = Path(__file__).resolve().parents[1] / "resolve" / "data" / "un_small.xml"


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., AbstractContextManager[str]]
) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("serve")
    env = {**os.environ, "SANCTIONWATCH_DATA_DIR": str(data_dir)}
    env.pop("SANCTIONWATCH_DATABASE_URL", None)
    cli = [sys.executable, "-c", "from sanctionwatch.cli.app import main; main()"]
    loaded = subprocess.run(
        [*cli, "lists", "update", str(FIXTURE)], env=env, capture_output=True, timeout=60
    )
    assert loaded.returncode == 0, loaded.stderr
    with serve([], env) as base:
        yield base


def test_screening_yente_client_screens_names(server: str) -> None:
    from yente_client import Client
    from yente_client.entities import Person

    names = [
        ("a", Person(name=["김영철"], birthDate=["1946"])),
        ("b", Person(name=["Kim Jong Un"])),
    ]
    with Client(base_url=server, timeout=30) as client:
        single = client.match(Person(name=["Шойгу Сергей"]))
        assert single.top is not None and single.top.id == "un_sc-TRi.001" and single.top.match
        assert single.top.explanations["name_match"].candidate == "SHOIGU SERGEI KUZHUGETOVICH"
        results = dict(client.match_iter(names, workers=2))
    first = results["a"]
    assert not isinstance(first, yente_client.MatchError)
    assert first.top is not None and first.top.id == "un_sc-TKi.002"
    second = results["b"]
    assert not isinstance(second, yente_client.MatchError)
    assert second.matches == [], "Kim Jong Un is not Kim Jong Il"
