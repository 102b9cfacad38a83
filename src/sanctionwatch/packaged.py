"""Data files shipped inside the package (lexicons, gazetteers, regime packs, registries).

Read through ``importlib.resources`` so an installed wheel behaves like the source tree.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import yaml

# Values that may go on past their key's line, or that need the rest of the file (a block
# scalar, an anchor or alias, a tag, a flow collection): read those from the whole file.
_NOT_ON_ONE_LINE = tuple("|>&*![{")


def read_text(package: str, path: str) -> str:
    """The text of ``path`` inside ``package`` (e.g. ``"sanctionwatch.extract"``)."""
    return resources.files(package).joinpath(path).read_text("utf-8")


def load_yaml(package: str, path: str) -> Any:
    """``path`` inside ``package`` parsed as YAML."""
    return yaml.safe_load(read_text(package, path))


def load_yaml_field(package: str, path: str, key: str) -> Any:
    """``load_yaml(package, path)[key]`` without parsing the rest of the file (see
    :func:`yaml_field`): a data file's version, read to name what uses it."""
    return yaml_field(read_text(package, path), key)


def yaml_field(text: str, key: str) -> Any:
    """``yaml.safe_load(text)[key]``, parsing only the key's line when that is enough.

    For a top-level scalar written on its key's line (``version: 14``) that one line is
    parsed as YAML, so the value is typed exactly as the whole file's parse types it.
    Anything else (the key absent, quoted or written twice, or a value that may go on past
    its line) is read from the whole text.
    """
    found = list(re.finditer(rf"^{re.escape(key)}:(?:[ \t]+(.*))?$", text, flags=re.M))
    if len(found) == 1 and _ends_on_its_line(text, found[0].end()):
        value_text = (found[0].group(1) or "").strip()
        if value_text and not value_text.startswith(_NOT_ON_ONE_LINE):
            try:
                value = yaml.safe_load(f"{key}: {value_text}")[key]
            except yaml.YAMLError:
                value = None
            if isinstance(value, str | int | float | bool):
                return value
    return yaml.safe_load(text)[key]


def _ends_on_its_line(text: str, end: int) -> bool:
    """No indented line follows (blank lines aside): a plain scalar would go on there."""
    for line in text[end:].splitlines()[1:]:
        if line.strip():
            return not line[:1].isspace() or line.lstrip().startswith("#")
    return True
