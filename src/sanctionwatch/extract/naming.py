"""The extractor's id from versions alone: nothing compiled, no spaCy, no lemminflect.

:func:`sanctionwatch.extract.claims.extractor_id` names the extractor from what it has
loaded (the compiled lexicon, the lemma table with every inflection, the gazetteer
regex), and importing that module loads spaCy: about a second. ``sanctionwatch version``
and the stage registry need only the name, so this module builds the same string from
the ``version:`` line of each data file, the installed packages' metadata and the
decision model's record of what it was trained on. The test suite holds the two equal;
a change to how ``claims`` names the extractor must be made here too.
"""

from __future__ import annotations

from sanctionwatch.extract.decision import load_model
from sanctionwatch.extract.grammar import parser_version
from sanctionwatch.packaged import load_yaml_field
from sanctionwatch.resolve.gazetteer import gazetteer_tag

EXTRACTOR_NAME = "extract.learned"
EXTRACTOR_VERSION = "v2"


def extractor_id() -> str:
    """``name@version`` plus the versions of the data, the parser and the decision model."""
    return (
        f"{EXTRACTOR_NAME}@{EXTRACTOR_VERSION}+{lexicon_version()}+{lemmas_version()}"
        f"+gazetteer-{gazetteer_tag()}+{parser_version()}+{load_model().version}"
    )


def lexicon_version() -> str:
    """``load_lexicon().version`` without compiling the patterns."""
    return f"triggers-v{_data_version('triggers.yaml')}+cues-v{_data_version('cues.yaml')}"


def lemmas_version() -> str:
    """``load_lemmas().version`` without generating the inflections."""
    return f"lemmas-v{_data_version('lemmas.yaml')}"


def _data_version(name: str) -> object:
    return load_yaml_field("sanctionwatch.extract", f"data/{name}", "version")
