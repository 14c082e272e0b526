"""Lines that a layer adds to files it shares with other layers, marked where they stand.

One line:   the marker comment `# layer: NAME` at the end of the line (`{# layer: NAME #}`
            in templates, `<!-- layer: NAME -->` in Markdown and HTML).
A block:    a line holding only the marker, the block's lines, then a line holding only
            `# end layer: NAME` (in the same kind of comment).
"""

import re

COMMENT = r"(?:#|\{#|<!--)\s*"
CLOSE = r"\s*(?:#\}|-->)?"
NAME = r"([a-z][a-z0-9_-]*)"
BLOCK_START = re.compile(rf"^\s*{COMMENT}layer:\s*{NAME}{CLOSE}\s*$")
BLOCK_END = re.compile(rf"^\s*{COMMENT}end layer:\s*{NAME}{CLOSE}\s*$")
LINE_MARK = re.compile(rf"\s*\S.*{COMMENT}layer:\s*{NAME}{CLOSE}\s*$")


class MarkerError(ValueError):
    """A block that is never closed, or closed without being opened."""


def marked_layers(text: str) -> set[str]:
    """The names of every layer that has a marked line or block in `text`."""
    names = set()
    for line in text.splitlines():
        for pattern in (BLOCK_START, LINE_MARK):
            if match := pattern.match(line):
                names.add(match.group(1))
    return names


def strip_layers(text: str, names: set[str]) -> str:
    """`text` without the lines and blocks marked for the layers `names`.

    Where removed lines stood between blank lines, the wider of the two gaps remains, so
    no gap doubles and none shrinks below what either side had; where they ended the file,
    no blank line is left at its end.
    """
    kept: list[str] = []
    inside: str | None = None
    blanks_after: int | None = None  # blank lines seen since the last removal
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if inside is not None:
            end = BLOCK_END.match(line)
            if end and end.group(1) == inside:
                inside, blanks_after = None, 0
            continue
        if (start := BLOCK_START.match(line)) and start.group(1) in names:
            inside = start.group(1)
            continue
        if (end := BLOCK_END.match(line)) and end.group(1) in names:
            raise MarkerError(f"line {number}: `end layer: {end.group(1)}` without its start")
        if (mark := LINE_MARK.match(line)) and mark.group(1) in names:
            blanks_after = 0
            continue
        if blanks_after is not None and not line.strip():
            blanks_after += 1
            if blanks_after <= trailing_blank_lines(kept):
                continue  # the gap before the removed lines already holds this blank line
        else:
            blanks_after = None
        kept.append(line)
    if inside is not None:
        raise MarkerError(f"`layer: {inside}` is never closed by `end layer: {inside}`")
    if blanks_after is not None:  # the removed lines ended the file: no gap to keep open
        while kept and not kept[-1].strip():
            kept.pop()
    return "".join(kept)


def trailing_blank_lines(lines: list[str]) -> int:
    """How many of the last `lines` are blank."""
    count = 0
    while count < len(lines) and not lines[-1 - count].strip():
        count += 1
    return count
