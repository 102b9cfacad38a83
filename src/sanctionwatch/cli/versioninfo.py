"""What ``sanctionwatch version`` prints: each stage, the package, the extractor.

Computed each time, from versions only: the stage registry and
:func:`sanctionwatch.extract.naming.extractor_id` read the data files' ``version:`` lines,
package metadata and the decision model's training record, so neither spaCy nor the
store, the services or the compiled lexicons are loaded.
"""

from __future__ import annotations


def version_lines() -> list[str]:
    """Each stage with what it requires and assigns, then the package and extractor."""
    from sanctionwatch import __version__
    from sanctionwatch.extract.naming import extractor_id
    from sanctionwatch.pipeline import list_stages

    lines = [
        f"stage {stage.id}: {', '.join(stage.requires)} -> {', '.join(stage.assigns)}"
        for stage in list_stages()
    ]
    return [*lines, f"sanctionwatch {__version__}", f"extractor {extractor_id()}"]
