"""Language of a document, offline, with ``py3langid`` (its model ships in the wheel).

Chosen over ``langdetect`` and ``lingua`` after measuring on the corpus: about 3 ms per
document against 10-12 ms, deterministic, and no download at run time. Short or unsure
input gives ``None`` (unknown) rather than a guess, and unknown is treated like English
downstream, so a terse English note is never left out of extraction.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 3000
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5


# The languages this monitoring meets. Restricting the model to them keeps short English
# from being read as an English-based creole (py3langid says "pcm" for "North Korea sent
# 3,000 workers to Russia in 2024.").
LANGUAGES = (
    "en", "ko", "ru", "zh", "ja", "uk", "fr", "de", "es", "it", "pt", "pl", "nl", "tr",
    "ar", "fa", "vi", "id", "th", "mn", "ms", "hi", "he", "sv", "cs", "ro", "be", "kk",
)  # fmt: skip


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` (``en``, ``ru``, ``ko``...), or ``None`` when unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    if float(confidence) < MIN_CONFIDENCE:
        return None
    return str(language)
