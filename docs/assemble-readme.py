#!/usr/bin/env python3
"""Assembles README.md from docs/README.head.md and the topic pages in docs/ (headings demoted one level).

Usage: python3 docs/assemble-readme.py [project-root]   (default: the current directory)
Edit the topic pages, never README.md, then run this.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
head = (root / 'docs' / 'README.head.md').read_text()
order = ['discovery', 'election', 'launcher', 'cli', 'migration', 'jcache', 'frameworks', 'metrics', 'reliability']
out = [head.rstrip() + '\n']
for name in order:
    page = root / 'docs' / f'{name}.md'
    fenced = False
    lines = []
    for line in page.read_text().splitlines():
        if line.lstrip().startswith('```'):
            fenced = not fenced
        if not fenced and re.match(r'^#{1,5} ', line):
            line = '#' + line
        lines.append(line)
    out.append('\n' + '\n'.join(lines).rstrip() + '\n')
(root / 'README.md').write_text('\n'.join(out))
