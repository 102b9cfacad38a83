"""Data files shipped inside the package (lexicons, gazetteers, regime packs, registries).

Read through ``importlib.resources`` so an installed wheel behaves like the source tree.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_text(package: str, path: str) -> str:
    """The text of ``path`` inside ``package`` (e.g. ``"sanctionwatch.extract"``)."""
    return resources.files(package).joinpath(path).read_text("utf-8")


def load_yaml(package: str, path: str) -> Any:
    """``path`` inside ``package`` parsed as YAML."""
    return yaml.safe_load(read_text(package, path))
