import json
from pathlib import Path

from sanctionwatch.services import screening


def test_screening_update_list_reports_progress_of_each_stage(tmp_path: Path) -> None:
    lines = [
        {"id": f"p{i}", "schema": "Person", "properties": {"name": [f"Person Number{i}"]}}
        for i in range(20_000)
    ]
    source = tmp_path / "big.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines), "utf-8")
    seen: list[tuple[str, int, int]] = []
    record = screening.update_list(
        str(source),
        name="big",
        data_dir=tmp_path / "data",
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    assert record.entries == 20_000
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    assert stages == ["reading", "parsing", "analysing", "linking listings", "done"]
    assert ("parsing", 20_000, 20_000) in seen and seen[-1] == ("done", 20_000, 20_000)
