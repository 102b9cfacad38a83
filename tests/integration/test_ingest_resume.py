"""kill -9 at random moments, then start again: every document is stored exactly once.

Runs the real CLI in a subprocess, as an analyst would, against a few hundred documents
in text files, a JSONL export and a zip archive, with two bad files among them.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sanctionwatch import store as st
from sanctionwatch.store import schema

pytestmark = pytest.mark.integration

SENTENCES = [
    "Port officials counted {n} containers on the quay at dawn.",
    "A cargo ship left the northern port after midnight without its transponder.",
    "Customs records describe the cargo as machine parts and fertiliser.",
    "Two rail wagons were seen at the border station on {day} {month}.",
    "Officials in Seoul said the shipment was one of {n} this year.",
    "The ministry in Moscow declined to comment on the report.",
    "Satellite images show covered vehicles near the warehouse.",
    "Workers at the site said they had been told not to speak to reporters.",
    "The trains returned north carrying fuel and flour, according to analysts.",
    "A spokesman denied that any weapons had been delivered.",
    "The research group said it had tracked the vessel for {n} days.",
    "Insurance records list a company registered in a third country as the owner.",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def _article(rng: random.Random, index: int) -> str:
    picks = rng.sample(SENTENCES, 6)
    body = " ".join(
        s.format(n=rng.randint(2, 900), day=rng.randint(1, 28), month=rng.choice(MONTHS))
        for s in picks
    )
    lead = f"North Korea shipped artillery shells to Russia in {rng.choice(MONTHS)} 2023."
    return f"Shipment report number {index}\n\n{lead} {body} Reference {index}-{rng.randint(0, 10**9)}."


def _make_inputs(root: Path) -> set[str]:
    """150 text files, 120 JSONL records, 30 zipped HTML pages, 2 bad files."""
    rng = random.Random(1718)
    expected: set[str] = set()
    folder = root / "texts"
    folder.mkdir(parents=True)
    for i in range(150):
        path = folder / f"report-{i:03d}.txt"
        path.write_text(_article(rng, i), encoding="utf-8")
        expected.add(str(path))
    lines = [json.dumps({"id": f"rec-{i}", "text": _article(rng, 1000 + i)}) for i in range(120)]
    export = root / "export.jsonl"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected |= {f"{export}#L{n}" for n in range(1, 121)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for i in range(30):
            paragraphs = "".join(f"<p>{p}</p>" for p in _article(rng, 2000 + i).split("\n\n"))
            archive.writestr(
                f"pages/page-{i:02d}.html",
                f"<html><head><title>Page {i}</title></head><body><article>{paragraphs}"
                "</article></body></html>",
            )
    bundle = root / "bundle.zip"
    bundle.write_bytes(buffer.getvalue())
    expected |= {f"{bundle}!/pages/page-{i:02d}.html" for i in range(30)}
    (root / "texts" / "zz-empty.txt").write_bytes(b"")
    (root / "texts" / "zz-binary.txt").write_bytes(bytes(range(256)) * 8)
    return expected


def _exe() -> str:
    return shutil.which("sanctionwatch") or str(Path(sys.executable).parent / "sanctionwatch")


def _start(root: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [_exe(), "ingest", str(root), "--db", db, "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _count(store: st.Store, table: object) -> int:
    with store.transaction() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_ingest_resume_after_sigkill_stores_every_document_once(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    expected = _make_inputs(root)
    db = f"sqlite:///{tmp_path / 'resume.db'}"
    rng = random.Random()  # truly random kill points; the seed is printed on failure
    seed = rng.randrange(10**6)
    rng.seed(seed)

    killed = 0
    for _ in range(5):
        process = _start(root, db)
        time.sleep(rng.uniform(0.3, 6.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.communicate(timeout=120)

    final = _start(root, db)
    out, err = final.communicate(timeout=300)
    assert final.returncode == 0, err.decode()
    json.loads(out)

    with st.open_store(db) as store:
        refs = [d.source_ref for d in st.list_documents(store, limit=1000)]
        assert len(refs) == len(set(refs)) == 300, f"seed {seed}, {killed} kills"
        assert set(refs) == expected, f"seed {seed}"
        assert _count(store, schema.syndication) == 300
        assert _count(store, schema.extractions) == 300
        assert st.unfinished_items(store) == []
        codes = sorted(e.code for e in st.list_quarantine(store))
        assert codes == ["E201", "E202"], f"seed {seed}"
        assert st.list_incidents(store)
        before = st.stats(store)

    again = _start(root, db)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err.decode()
    rerun = json.loads(out)
    assert (rerun["ingested"], rerun["extracted"]) == (0, 0)
    with st.open_store(db) as store:
        assert st.stats(store) == before
