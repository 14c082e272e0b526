"""Taking packages out of lock files that pip-compile wrote, without a network.

Each pinned package in a lock file says what asked for it (`# via ...`): an input file
(`-r requirements.in`), a constraints file (`-c requirements.txt`) or another package. A
package that nothing asks for any more goes, and so, in turn, do the packages that only it
needed. What remains is what pip-compile would write, with every version unchanged.
"""

import re
from dataclasses import dataclass, field

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==\S+")
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def canonical(name: str) -> str:
    """A package name as pip compares them: lower case, runs of -_. as one dash."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_names(lines: list[str]) -> set[str]:
    """The packages that lines of an input file ask for (comments and options skipped)."""
    names = set()
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text and not text.startswith("-") and (match := REQUIREMENT.match(text)):
            names.add(canonical(match.group(1)))
    return names


@dataclass
class Pin:
    """One package of a lock file: its line and the sources that asked for it."""

    line: str
    sources: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The package's canonical name."""
        return canonical(PIN.match(self.line).group(1))

    def render(self) -> str:
        """The pin and its `# via` note, laid out as pip-compile lays them out."""
        if len(self.sources) == 1:
            return f"{self.line}\n    # via {self.sources[0]}\n"
        listed = "".join(f"    #   {source}\n" for source in self.sources)
        return f"{self.line}\n    # via\n{listed}"


def parse_lock(text: str) -> tuple[str, list[Pin], str]:
    """A lock file's header, its pins, and whatever follows them (pip-compile's footer)."""
    header, pins, footer = [], [], []
    for line in text.splitlines():
        if footer:
            footer.append(line)
        elif PIN.match(line):
            pins.append(Pin(line))
        elif not pins:
            header.append(line)
        elif line.startswith("    # via "):  # one source, on the same line
            pins[-1].sources.append(line.removeprefix("    # via "))
        elif line.startswith("    #   "):  # one of several sources, a line each
            pins[-1].sources.append(line.removeprefix("    #   "))
        elif line != "    # via":
            footer.append(line)
    return "".join(f"{line}\n" for line in header), pins, "".join(f"{line}\n" for line in footer)


def prune_lock(text: str, unasked: dict[str, set[str]]) -> tuple[str, set[str]]:
    """`text` without the packages nothing asks for once each source in `unasked` stops
    asking for the packages it maps to; also returns the names of the packages dropped.
    """
    header, pins, footer = parse_lock(text)
    for pin in pins:
        pin.sources = [s for s in pin.sources if pin.name not in unasked.get(s, set())]
    dropped: set[str] = set()
    while orphans := {pin.name for pin in pins if not pin.sources}:
        dropped |= orphans
        pins = [pin for pin in pins if pin.name not in orphans]
        for pin in pins:
            pin.sources = [s for s in pin.sources if canonical(s) not in orphans]
    return header + "".join(pin.render() for pin in pins) + footer, dropped
