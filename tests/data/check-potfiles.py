#!/usr/bin/env python3
"""Fails when a file with translatable text is missing from po/POTFILES.in,
or when POTFILES.in names a file that does not exist."""
import os
import re
import sys

root = sys.argv[1]
with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith('#')}

C_MARKERS = re.compile(r'\b(_|N_|C_|NC_|g_dgettext|ngettext|g_dngettext)\s*\(')
UI_MARKER = re.compile(r'translatable="yes"')
DATA_MARKER = re.compile(r'<(label|help|name|step|caution|summary|text|title|patient-text|dose-text)[\s>]')

problems = []
for name in sorted(listed):
    if not os.path.isfile(os.path.join(root, name)):
        problems.append(f'po/POTFILES.in: lists {name}, which does not exist')

for top in ('src', 'ui', 'data'):
    for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
        for fn in files:
            path = os.path.join(dirpath, fn)
            rel = os.path.relpath(path, root)
            try:
                with open(path, encoding='utf-8') as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            needs = False
            if fn.endswith('.c'):
                code = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
                needs = bool(C_MARKERS.search(code))
            elif fn.endswith('.ui'):
                needs = bool(UI_MARKER.search(text))
            elif fn.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
                needs = True
            elif fn.endswith('.xml') and rel.startswith('data' + os.sep) and \
                    os.sep + 'its' + os.sep not in rel:
                needs = bool(DATA_MARKER.search(text))
            if needs and rel not in listed:
                problems.append(f'{rel}: has translatable text but is not in po/POTFILES.in')

for p in problems:
    print(p)
print(f'1..1\n{"not ok" if problems else "ok"} 1 POTFILES.in complete')
sys.exit(1 if problems else 0)
