#!/usr/bin/env python3
"""stride-cli run from the build tree, with no STRIDE_LOCALEDIR and under
C.UTF-8, prints the patient's sheet in the language asked for: it finds the
catalogues the build made. Usage: check-uninstalled-language.py STRIDE_CLI SOURCE_ROOT"""
import os
import subprocess
import sys
import tempfile

cli, root = sys.argv[1], sys.argv[2]
case = os.path.join(root, 'tests', 'cases', 'typical-pfp.xml')
expect = {'de': 'Übungsplan', 'es': 'ejercicios'}
failures = []
with tempfile.TemporaryDirectory() as tmp:
    env = {'PATH': os.environ.get('PATH', '/usr/bin:/bin'), 'HOME': tmp, 'LC_ALL': 'C.UTF-8'}
    # Keep the sanitizers' settings of build-aux/test --sanitize (no leak
    # check: fontconfig keeps its caches for the life of the process).
    env.update({k: v for k, v in os.environ.items() if k in ('ASAN_OPTIONS', 'UBSAN_OPTIONS')})
    for lang, word in expect.items():
        out = os.path.join(tmp, f'sheet-{lang}.pdf')
        r = subprocess.run([cli, 'sheet', case, '--lang', lang, '-o', out], env=env,
                           capture_output=True, text=True)
        if r.returncode != 0:
            failures.append(f'{lang}: exit {r.returncode}: {r.stderr.strip()}')
            continue
        text = subprocess.run(['pdftotext', out, '-'], capture_output=True, text=True).stdout
        if word not in text:
            failures.append(f'{lang}: the sheet has no “{word}”: it was not translated')

print('1..1')
for f in failures:
    print(f'# {f}')
print(f'{"not ok" if failures else "ok"} 1 sheets in de and es from the build tree')
sys.exit(1 if failures else 0)
