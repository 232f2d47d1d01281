"""Scorecards as SARIF 2.1.0, for code-scanning views: one result per rule not met or
partly met, located at the term it rests on in the program file.

What the specification (OASIS SARIF 2.1.0) asks of a producer, and where it is done here:

- Message text is plain text that a viewer may render: ``[`` and ``]`` that are not an
  embedded link are escaped with a backslash (section 3.11.6), ``{`` and ``}`` are doubled
  (3.11.5), and control, escape and bidi characters are shown as visible escapes
  (:func:`testerterms._escape.sarif_message`). A program's text can therefore neither make
  a link nor reorder or hide what a viewer shows.
- ``artifactLocation.uri`` is a URI reference for any file name: every byte of the name
  that is not unreserved is percent-encoded (:func:`testerterms._escape.uri_path`), so a
  name that is not UTF-8 or holds ``#``, ``%`` or a space is still one valid URI. A file
  below the working folder gets a relative URI (code-scanning services resolve it against
  the checkout); a bundled program gets its file name against the ``TESTERTERMS_BUNDLED``
  base (the same on every machine); any other file gets an absolute ``file://`` URI of the
  path as given, never of the target of a symbolic link (:func:`artifact_location`).
- Results are written as the programs are scored: the document's head (tool and rules),
  then each program's results, then the tail. The text is what ``json.dumps(document,
  indent=2)`` gives for the whole document, and memory stays flat in the number of files.

A viewer groups results by rule and shows the rule's ``shortDescription`` (its title) over
them, so a result's message starts with what was found ("Not met in <program>: ..."), not
with the program's name.

The positions come from the loader (:class:`~testerterms.loading.ProgramFile`); this module
never reads a file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, MutableSequence
from pathlib import Path
from typing import Any, ClassVar, Final

from .._escape import json_dumps, sarif_message, uri_path
from .._version import __version__
from ..loading import ProgramFile, bundled_programs_dir
from ..rules import CATALOGUE, CATEGORIES
from ..scoring import Finding
from ._base import Reporter, Scored
from ._width import paragraphs

SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS: Final = {"not-met": "error", "partly": "warning"}
"""The findings that become results, and their SARIF level."""
BUNDLED_BASE: Final = "TESTERTERMS_BUNDLED"
"""The ``uriBaseId`` of the programs shipped with the package: their URIs are file names
against it, the same wherever the package is installed."""


def term_loc(term: str) -> tuple[str, ...]:
    """Where a term key such as ``compensation.money`` stands in a program file."""
    first, _, rest = term.partition(".")
    if first in ("participants", "events"):
        return (first, rest) if rest else (first,)
    return ("terms", first, rest)


def _below(path: str, folder: str) -> str | None:
    """``path`` relative to ``folder`` (both absolute, normalised), or None outside it."""
    prefix = folder.rstrip(os.sep) + os.sep
    return path[len(prefix) :] if path.startswith(prefix) else None


def artifact_location(path: str | os.PathLike[str], *, cwd: str | None = None) -> dict[str, str]:
    """The ``artifactLocation`` of a program file: relative to the working folder where it
    lies below it, a file name against :data:`BUNDLED_BASE` for a bundled program, else an
    absolute ``file://`` URI. Symbolic links are not followed: the URI names the path given."""
    absolute = os.path.abspath(os.fspath(path))  # normalised, links left as they are
    relative = _below(absolute, os.path.abspath(cwd if cwd is not None else os.getcwd()))
    if relative is not None:
        return {"uri": uri_path(relative)}
    bundled = _below(absolute, os.path.abspath(bundled_programs_dir()))
    if bundled is not None:
        return {"uri": uri_path(bundled), "uriBaseId": BUNDLED_BASE}
    return {"uri": "file://" + uri_path(absolute)}


def artifact_uri(path: Path) -> str:
    """The URI of :func:`artifact_location` (without its base)."""
    return artifact_location(path)["uri"]


def _indented(document: Any, spaces: int) -> str:
    """``document`` as ``json_dumps(indent=2)`` writes it at a depth of ``spaces``."""
    pad = " " * spaces
    return "\n".join(pad + line for line in json_dumps(document, indent=2).splitlines())


class SarifReporter(Reporter):
    """SARIF 2.1.0, streamed. ``files`` are the files of the programs scored so far, in order
    (the n-th program scored has the n-th file); from a list, each is taken off its front as
    its program is written, so the list never holds more than the files not yet written."""

    needs_files: ClassVar[bool] = True

    def rules(self) -> list[dict[str, Any]]:
        parameters = self.profile.parameters
        entries = []
        for code in (c for c in CATALOGUE if c in self.profile.rules):
            rule = CATALOGUE[code]
            clause = rule.remedy.clause_for(parameters)
            rationale = "\n\n".join(paragraphs(rule.rationale)) or rule.title
            citations = "; ".join(f'{c.source}: "{c.quote}"' for c in rule.citations)
            help_text = (
                f"{rationale}\n\nWhat to ask for: {clause}\n\nWhere it comes from: {citations}"
            )
            entries.append(
                {
                    "id": code,
                    "shortDescription": {"text": sarif_message(rule.title)},
                    "fullDescription": {"text": sarif_message(rationale, keep_newlines=True)},
                    "help": {"text": sarif_message(help_text, keep_newlines=True)},
                    "defaultConfiguration": {"level": "error"},
                    "properties": {
                        "category": CATEGORIES[rule.category],
                        "basis": rule.basis,
                        "weight": self.profile.rules[code],
                        "tags": [rule.category, rule.basis],
                    },
                }
            )
        return entries

    def _location(self, where: ProgramFile, term: str) -> dict[str, Any]:
        line, col = where.position(term_loc(term))
        return {
            "physicalLocation": {
                "artifactLocation": artifact_location(where.path),
                "region": {"startLine": line, "startColumn": col},
            },
            "message": {"text": sarif_message(term)},
        }

    def _result(self, index: int, where: ProgramFile, name: str, f: Finding) -> dict[str, Any]:
        rule = CATALOGUE[f.rule]
        terms = f.terms or rule.terms
        found = "Partly met" if f.outcome == "partly" else "Not met"
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index,
            "level": LEVELS[f.outcome],
            "message": {"text": sarif_message(f"{found} in {name}: {f.reason}")},
            "locations": [self._location(where, terms[0])],
            "properties": {
                "outcome": f.outcome,
                "evidence": f.evidence,
                "disputed": f.disputed,
                "sources": list(f.sources),
                "weight": f.weight,
            },
        }
        if len(terms) > 1:
            result["relatedLocations"] = [
                {"id": n, **self._location(where, term)} for n, term in enumerate(terms[1:], 1)
            ]
        return result

    def _file(self, number: int) -> ProgramFile:
        files = self.files
        if isinstance(files, MutableSequence):
            if not files:
                raise ValueError("SARIF needs the file of every program scored")
            file: ProgramFile = files.pop(0)
            return file
        if number >= len(files):
            raise ValueError("SARIF needs the file of every program scored")
        return files[number]

    def stream(self, scored: Iterable[Scored]) -> Iterator[str]:
        """The document's head (tool, rules, profile), each program's results as it is
        scored, then the tail."""
        rules = self.rules()
        index = {entry["id"]: n for n, entry in enumerate(rules)}
        run = {
            "tool": {"driver": {"name": "testerterms", "version": __version__, "rules": rules}},
            "originalUriBaseIds": {
                BUNDLED_BASE: {
                    "description": {"text": f"the programs bundled with testerterms {__version__}"}
                }
            },
            "properties": {"profile": {"id": self.profile.id, "version": self.profile.version}},
            "results": [],
        }
        document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
        head, _, tail = json_dumps(document, indent=2).rpartition('"results": []')
        yield head + '"results": ['
        separator = "\n"
        for number, (_, card) in enumerate(scored):
            where = self._file(number)
            pieces = []
            for f in card.findings:
                if f.outcome in LEVELS:
                    result = self._result(index[f.rule], where, card.program_name, f)
                    result["properties"]["program"] = card.program_id
                    pieces.append(separator + _indented(result, 8))
                    separator = ",\n"
            if pieces:
                yield "".join(pieces)
        yield ("\n      ]" if separator != "\n" else "]") + tail + "\n"
