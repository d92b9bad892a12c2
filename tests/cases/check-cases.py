#!/usr/bin/env python3
"""Runs `stride-cli evaluate` on every tests/cases/*.xml and compares its output
key by key with the .expected file beside it: every expected key must be
printed, once, with exactly that value (the output may have more keys). Each
case runs in C.UTF-8 and again in de_DE.UTF-8, which must print the same.
Also checks the exit codes and error messages of bad input and usage."""
import os
import subprocess
import sys

cli, cases = sys.argv[1], sys.argv[2]
failures = []


def run(args, locale='C.UTF-8'):
    env = dict(os.environ, LC_ALL=locale, LANGUAGE='')
    return subprocess.run([cli] + args, capture_output=True, text=True, env=env)


def parse(text, where, strict=True):
    keys = {}
    for line in text.splitlines():
        if not line:
            continue
        if not strict and line.endswith(':') and ': ' not in line:
            line += ' '   # an editor stripped the space after an empty value
        key, sep, value = line.partition(': ')
        if not sep:
            failures.append(f'{where}: not a “key: value” line: {line!r}')
            continue
        if key in keys:
            failures.append(f'{where}: key {key} printed twice')
        keys[key] = value
    return keys


with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'docs', 'evaluate.md'),
          encoding='utf-8') as f:
    documented = f.read()
printed = set()

names = sorted(n[:-4] for n in os.listdir(cases) if n.endswith('.xml'))
checked = 0
for name in names:
    xml = os.path.join(cases, name + '.xml')
    expected_path = os.path.join(cases, name + '.expected')
    if not os.path.exists(expected_path):
        failures.append(f'{name}: no {name}.expected')
        continue
    result = run(['evaluate', xml])
    if result.returncode != 0:
        failures.append(f'{name}: exit {result.returncode}: {result.stderr.strip()}')
        continue
    got = parse(result.stdout, name)
    printed.update(got)
    with open(expected_path, encoding='utf-8') as f:
        expected = parse(f.read(), expected_path, strict=False)
    for key, value in expected.items():
        if key not in got:
            failures.append(f'{name}: key {key} missing (expected {value!r})')
        elif got[key] != value:
            failures.append(f'{name}: {key} is {got[key]!r}, expected {value!r}')
    # The exercises are the library's choice; the rules fix only how many (§6).
    exercises = got.get('plan.exercises')
    if exercises is None:
        failures.append(f'{name}: no plan.exercises')
    elif got.get('phase') == 'none' and exercises != '':
        failures.append(f'{name}: exercises without a plan: {exercises!r}')
    elif got.get('phase') != 'none' and not 3 <= len(exercises.split()) <= 6:
        failures.append(f'{name}: {len(exercises.split())} exercises, expected 3 to 6')
    german = run(['evaluate', xml], 'de_DE.UTF-8')
    if german.stdout != result.stdout:
        failures.append(f'{name}: the output differs under de_DE.UTF-8')
    checked += 1

# Every key evaluate prints is documented.
for key in sorted(printed):
    if f'`{key}`' not in documented:
        failures.append(f'docs/evaluate.md does not document the key {key}')

# --reasons adds reason lines after the same keys; each names a rule id.
import re
plain = run(['evaluate', os.path.join(cases, 'typical-pfp.xml')]).stdout
with_reasons = run(['evaluate', '--reasons', os.path.join(cases, 'typical-pfp.xml')]).stdout
if not with_reasons.startswith(plain):
    failures.append('--reasons changes the keys before the reasons')
reason_lines = with_reasons[len(plain):].splitlines()
if len(reason_lines) < 10:
    failures.append(f'--reasons printed only {len(reason_lines)} reasons')
for line in reason_lines:
    if not re.match(r'^reason\.[A-Za-z0-9.-]+: (RF|LS|MT|PH|PR|RP)-[A-Z0-9-]+ [a-z0-9-]+ \S', line):
        failures.append(f'--reasons: malformed line {line!r}')

# Usage and bad input.
usage = run(['evaluate'])
if usage.returncode != 2:
    failures.append(f'evaluate without a file: exit {usage.returncode}, expected 2')
two = run(['evaluate', 'a.xml', 'b.xml'])
if two.returncode != 2:
    failures.append(f'evaluate with two files: exit {two.returncode}, expected 2')
missing = run(['evaluate', os.path.join(cases, 'no-such-file.xml')])
if missing.returncode != 1 or 'no-such-file.xml' not in missing.stderr:
    failures.append(f'evaluate of a missing file: exit {missing.returncode}: {missing.stderr!r}')

bad_dir = os.path.join(cases, 'bad')
for name in sorted(os.listdir(bad_dir)) if os.path.isdir(bad_dir) else []:
    if not name.endswith('.xml'):
        continue
    path = os.path.join(bad_dir, name)
    result = run(['evaluate', path])
    with open(path[:-4] + '.expected', encoding='utf-8') as f:
        want = f.read().strip()
    if result.returncode != 1 or result.stdout:
        failures.append(f'bad/{name}: exit {result.returncode}, expected 1 and no output')
    if result.stderr.strip() != want.replace('FILE', path):
        failures.append(f'bad/{name}: stderr {result.stderr.strip()!r}, expected {want!r}')
    checked += 1

for f in failures:
    print(f)
print(f'{checked} cases checked, {len(failures)} problems')
sys.exit(1 if failures or checked < 15 else 0)
