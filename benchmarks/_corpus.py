"""Folders of program files to measure on: copies of the real ones, and generated ones like them.

Generated files take their shape from the real program files, one real file per generated
file in turn: the same sources (several, with their titles and URLs), the same events, the
same claims and histories, the same quote lengths. What changes: the id and name, every quote
(rewritten word for word with other words of the same lengths, so no two files quote alike),
and about a fifth of the terms, left unknown, so that the scorer meets many different sets of
terms rather than the same seventeen again and again.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml

_TEXT = (
    "the testers were given access to an early model and asked for feedback on its outputs "
    "before release while payment terms and credit were left to the company under agreement "
    "participants may share results only after approval confidential information includes"
)
WORDS = _TEXT.split(" ")
DROP_SHARE = 0.2
"""Share of the terms a generated file leaves unknown."""


def real_programs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def copy_real(programs: list[Path], folder: Path, count: int) -> None:
    """``count`` copies of the real program files, taken in turn."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        template = programs[number % len(programs)]
        shutil.copyfile(template, folder / f"{number:05}-{template.name}")


def generate(programs: list[Path], folder: Path, count: int, seed: int = 20261127) -> None:
    """``count`` generated program files shaped like the real ones (see the module docstring)."""
    folder.mkdir(parents=True, exist_ok=True)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the parser testerterms uses
    templates = [yaml.load(p.read_text(encoding="utf-8"), Loader=loader) for p in programs]
    rnd = random.Random(seed)
    for number in range(count):
        data = _varied(templates[number % len(templates)], number, rnd)
        text = yaml.dump(data, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True)
        (folder / f"generated-{number:05}.yaml").write_text(text, encoding="utf-8")


def _varied(template: dict[str, Any], number: int, rnd: random.Random) -> dict[str, Any]:
    data: dict[str, Any] = _requoted(template, rnd)
    data["id"] = f"generated-{number:05}"
    data["name"] = f"Generated program {number} (shaped like {template['id']})"
    for body in (data.get("terms") or {}).values():
        if not isinstance(body, dict):
            continue
        for name in [n for n in body if n != "source"]:
            if rnd.random() < DROP_SHARE:
                del body[name]
    return data


def _requoted(node: Any, rnd: random.Random) -> Any:
    """A deep copy of ``node`` with each quote rewritten in words of the same lengths."""
    if isinstance(node, dict):
        return {
            key: _other_words(value, rnd)
            if key == "quote" and isinstance(value, str)
            else _requoted(value, rnd)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_requoted(item, rnd) for item in node]
    return node


def _other_words(quote: str, rnd: random.Random) -> str:
    by_length: dict[int, list[str]] = {}
    for word in WORDS:
        by_length.setdefault(len(word), []).append(word)
    out = []
    for word in quote.split(" "):
        choices = by_length.get(len(word))
        out.append(rnd.choice(choices) if choices else "x" * len(word))
    return " ".join(out)
