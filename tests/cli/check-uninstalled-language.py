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

    # Without a catalogue the sheet comes out in English: stride-cli says so.
    missing = []
    empty = os.path.join(tmp, 'no-catalogues')
    os.mkdir(empty)
    out = os.path.join(tmp, 'sheet-missing.pdf')
    r = subprocess.run([cli, 'sheet', case, '--lang', 'es', '-o', out],
                       env=dict(env, STRIDE_LOCALEDIR=empty), capture_output=True, text=True)
    if r.returncode != 0 or 'no translation into “es”' not in r.stderr:
        missing.append(f'exit {r.returncode}, stderr {r.stderr.strip()!r}: no word of the missing '
                       'Spanish catalogue')

print('1..2')
for f in failures:
    print(f'# {f}')
print(f'{"not ok" if failures else "ok"} 1 sheets in de and es from the build tree')
for f in missing:
    print(f'# {f}')
print(f'{"not ok" if missing else "ok"} 2 a missing catalogue is reported')
sys.exit(1 if failures or missing else 0)
