"""Comparing two names: the Korean comparison when both are Korean, else token alignment.

``compare_names(query, candidate)`` returns a ``NameScore`` that says how it was reached:
the method (``literal``, ``korean``, ``korean-org``, ``tokens``, ``joined``), the two forms
compared, the transliteration used and a one-line detail. The token alignment pairs each
query token with its most similar candidate token (one to one, after transliteration
habits are folded away), weighs particles, initials, patronymics and company-form words
less than other tokens, and counts an unmatched token on either side against the score —
more when both sides are left with tokens of their own, which means the names differ
rather than one leaving a part out.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA
from rapidfuzz.distance import Levenshtein as Lev
from rigour.territories import get_territories

from sanctionwatch.resolve.korean_names import best_korean_match
from sanctionwatch.resolve.names import ORG_FORM, NameForm, fold_token

_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ben",
        "ibn",
        "bint",
        "abu",
        "de",
        "da",
        "di",
        "del",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "the",
        "of",
        "and",
        "for",
        "mc",
        "y",
        "e",
    ]
)
_ORG_GENERIC = frozenset(
    [
        "trading",
        "trade",
        "general",
        "international",
        "group",
        "holding",
        "holdings",
        "industries",
        "industry",
        "enterprise",
        "enterprises",
        "shipping",
        "services",
        "service",
        "national",
        "joint",
        "venture",
    ]
)
# Very common given-name parts say little when one side leaves them out.
_COMMON = frozenset(
    [
        "muhammad",
        "mohammad",
        "mohammed",
        "mohamed",
        "muhamad",
        "mohamad",
        "ahmad",
        "ahmed",
        "abdul",
        "abd",
        "ali",
        "hasan",
        "hassan",
        "husain",
        "hussein",
        "husein",
        "khan",
        "abdullah",
        "abdulah",
    ]
)
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna", "ogly", "oglu", "kyzy", "qizi")

EXTRA_QUERY = 0.5
EXTRA_CANDIDATE = 0.35
CONFLICT = 1.0


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    method: str
    query: str
    candidate: str
    transliteration: str
    detail: str

    def to_dict(self) -> dict[str, object]:
        return {
            "score": round(self.score, 4),
            "method": self.method,
            "query": self.query,
            "candidate": self.candidate,
            "transliteration": self.transliteration,
            "detail": self.detail,
        }


def _weight(token: str, *, is_org: bool) -> float:
    if token in _PARTICLES:
        return 0.3
    if token.startswith(ORG_FORM):
        return 0.35
    if is_org and token in _ORG_GENERIC:
        return 0.6
    if len(token) == 1:
        return 0.5
    if token.endswith(_PATRONYMIC_ENDINGS) or token in _COMMON:
        return 0.5
    return 1.0


_ROMAN = re.compile(r"^[ivx]{1,4}$")


def _is_number(token: str) -> bool:
    return token.isdigit() or bool(_ROMAN.match(token))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Country names: an org name that differs by one ("Santander Chile") is another org."""
    out: set[str] = set()
    for territory in get_territories():
        out.update(fold_token(t) for t in territory.name.lower().split() if len(t) > 3)
    return frozenset(out)


def _is_rotation(order: list[int]) -> bool:
    """True for 0 1 2, and for 2 0 1 ("Shoygu Sergey", "KIM, Jong Un"); False for 1 0 2."""
    drops = sum(1 for a, b in itertools.pairwise(order) if b < a)
    return drops == 0 or (drops == 1 and order[-1] < order[0])


@lru_cache(maxsize=1 << 18)
def token_similarity(a: str, b: str) -> float:
    """0..1 for two folded tokens: equal, an initial of the other, or a few edits apart."""
    if a == b:
        return 1.0
    if a.startswith(ORG_FORM) and b.startswith(ORG_FORM):
        return 0.8
    if len(a) == 1 or len(b) == 1:
        return 0.7 if a[0] == b[0] else 0.0
    if any(c.isdigit() for c in a + b):
        return 0.0
    longest = max(len(a), len(b))
    if min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)):
        return 0.85  # cut short: "Juare", "Compan"
    distance = OSA.distance(a, b, score_cutoff=3)
    # One edit is a spelling; two in a long word are a doubt; more is another word.
    if distance == 1 and longest >= 4:
        return 0.9
    if distance == 1:
        return 0.6
    if distance == 2 and longest >= 5:
        return 0.45 if longest >= 7 else 0.4
    if distance == 3 and longest >= 11:
        return 0.3
    return 0.0


def _align(q: NameForm, c: NameForm) -> tuple[float, str]:
    is_org = q.is_org or c.is_org
    pairs = sorted(
        (
            (token_similarity(a, b), i, j)
            for i, a in enumerate(q.folded)
            for j, b in enumerate(c.folded)
        ),
        reverse=True,
    )
    used_q: set[int] = set()
    used_c: set[int] = set()
    total = weight = 0.0
    matched: list[str] = []
    matched_pairs: list[tuple[int, int]] = []
    for sim, i, j in pairs:
        if sim <= 0 or i in used_q or j in used_c:
            continue
        if sim < 1.0 and q.folded[i].isdigit():
            continue
        used_q.add(i)
        used_c.add(j)
        w = max(_weight(q.folded[i], is_org=is_org), _weight(c.folded[j], is_org=is_org))
        total += w * sim
        weight += w
        matched.append(f"{q.tokens[i]}~{c.tokens[j]}:{sim:.2f}")
        matched_pairs.append((i, j))
    left_q = [i for i in range(len(q.folded)) if i not in used_q]
    left_c = [j for j in range(len(c.folded)) if j not in used_c]
    conflict = bool(left_q and left_c)
    places = _places() if is_org else frozenset()
    for side, left, extra in ((q, left_q, EXTRA_QUERY), (c, left_c, EXTRA_CANDIDATE)):
        for i in left:
            token = side.folded[i]
            w = _weight(token, is_org=is_org)
            if _is_number(token) or token in places:
                # A number or a country of its own: another entity ("Santander Chile").
                weight += max(w, 1.2) * CONFLICT
            elif conflict and token not in _PARTICLES:
                weight += max(w, 1.0) * CONFLICT
            else:
                weight += w * extra
    score = total / weight if weight else 0.0
    if matched_pairs and all(len(q.folded[i]) == 1 for i, _ in matched_pairs):
        score *= 0.7
    if not is_org:
        order = [j for i, j in sorted(matched_pairs) if q.folded[i] not in _PARTICLES]
        if len(order) > 2 and not _is_rotation(order):
            score *= 0.65
    extras = [q.tokens[i] for i in left_q] + [c.tokens[j] for j in left_c]
    detail = " ".join(matched) + (f"; unmatched: {' '.join(extras)}" if extras else "")
    return score, detail


def _joined(q: NameForm, c: NameForm) -> float:
    """Names run together or split differently ("VladimirPutin", "Mohammad Hasni")."""
    if len(q.folded) == len(c.folded):
        return 0.0
    a, b = q.joined, c.joined
    if min(len(a), len(b)) < 6:
        return 0.0
    return 0.95 * Lev.normalized_similarity(a, b) if OSA.distance(a, b) <= 1 else 0.0


def compare_names(q: NameForm, c: NameForm) -> NameScore:
    """How alike two analysed names are, 0..1, with the reason."""
    if q.folded and q.folded == c.folded:
        return NameScore(1.0, "literal", q.original, c.original, _translit(q, c), "same name")
    if q.korean and c.korean:
        best = best_korean_match(q.korean, c.korean)
        if best is not None:
            score, kq, kc = best
            detail = f"Korean name: {kq.text} ~ {kc.text} (family, then given syllables)"
            return NameScore(score, "korean", q.original, c.original, _translit(q, c), detail)
    score, detail = _align(q, c)
    joined = _joined(q, c)
    if joined > score:
        return NameScore(
            joined, "joined", q.original, c.original, _translit(q, c), "same letters, spaced apart"
        )
    return NameScore(score, "tokens", q.original, c.original, _translit(q, c), detail)


def _translit(q: NameForm, c: NameForm) -> str:
    used = sorted({q.transliteration, c.transliteration} - {"none"})
    return "+".join(used) or "none"
