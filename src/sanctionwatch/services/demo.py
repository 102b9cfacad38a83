"""The demo use case: the bundled sample articles (written for this project) end to end."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_data_dir() -> Path:
    """The sample articles shipped inside the package."""
    return Path(str(resources.files("sanctionwatch").joinpath("samples")))
