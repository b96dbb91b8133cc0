#!/usr/bin/env python3
"""Copies the <readme:NAME> regions of examples/QuickStart/Program.cs into README.md.

README.md quotes each region inside a ```csharp block; this replaces the stale copy of a region
(found by its first line) with the current one. QuickStartTests fails until the two agree.
"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
program = (root / "examples/QuickStart/Program.cs").read_text()
readme_path = root / "README.md"
readme = readme_path.read_text()
regions = re.findall(r"^// <readme:(\w+)>\n(.*?)^// </readme:\1>", program, re.M | re.S)
blocks = re.findall(r"```csharp\n(.*?)```", readme, re.S)
for name, code in regions:
    first = code.splitlines()[0]
    stale = next((b for b in blocks if first in b), None)
    if stale is None:
        sys.exit(f"README.md has no csharp block quoting the first line of <readme:{name}>: {first!r}")
    # The block may open with usings; the region is its tail.
    readme = readme.replace(stale, stale[: stale.index(first)] + code)
readme_path.write_text(readme)
