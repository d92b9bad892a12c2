#!/usr/bin/env python3
"""A whole visit through stride-cli with every debug message switched on
(G_MESSAGES_DEBUG=all): the patient's name and date of birth must never reach
standard output or standard error, except where the user asked for them
(`patients` lists names: that is its job, so it is not run here).

Usage: check-privacy.py STRIDE_CLI SOURCE_ROOT"""
import os
import re
import subprocess
import sys
import tempfile

cli, root = sys.argv[1], sys.argv[2]
case = os.path.join(root, 'tests', 'cases', 'typical-pfp.xml')
text = open(case, encoding='utf-8').read()
name = re.search(r'<name>(.*?)</name>', text).group(1)
birth = re.search(r'<birth-date>(.*?)</birth-date>', text).group(1)
year, month, day = birth.split('-')
secrets = [name] + name.split() + [birth, f'{int(day)} ', f'{day}.{month}.{year}',
                                   f'{day}/{month}/{year}', f'{month}/{day}/{year}']
secrets = [s for s in secrets if len(s.strip()) >= 4]

failures = []
tests = 0
with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, G_MESSAGES_DEBUG='all', HOME=tmp,
               XDG_DATA_HOME=os.path.join(tmp, 'data'), XDG_CONFIG_HOME=os.path.join(tmp, 'config'))
    db = os.path.join(tmp, 'records', 'stride.db')

    def run(*args, check=True):
        global tests
        tests += 1
        r = subprocess.run([cli, '--db', db, *args], env=env, capture_output=True, text=True)
        if check and r.returncode != 0:
            failures.append(f'{" ".join(args)}: exit {r.returncode}: {r.stderr.strip()}')
        for stream, out in (('stdout', r.stdout), ('stderr', r.stderr)):
            for s in secrets:
                if s in out:
                    failures.append(f'{" ".join(args)}: {stream} shows the patient\'s data ({s!r})')
        return r

    r = run('import', case)
    m = re.search(r'patient (\d+)', r.stdout)
    if not m:
        failures.append(f'import printed no patient id: {r.stdout!r}')
    else:
        patient = m.group(1)
        run('validate', case)
        run('evaluate', '--reasons', case)
        run('history', patient)
        hist = subprocess.run([cli, '--db', db, 'history', patient], env=env,
                              capture_output=True, text=True).stdout
        visits = re.findall(r'^\s*(\d+)\s', hist, re.M)
        run('export', '--patient', patient, '-o', os.path.join(tmp, 'record.xml'))
        run('report', case, '-o', os.path.join(tmp, 'report.pdf'))
        run('sheet', case, '-o', os.path.join(tmp, 'sheet.pdf'))
        if visits:
            run('report', '--visit', visits[-1], '-o', os.path.join(tmp, 'report2.pdf'))
            run('sheet', '--visit', visits[-1], '-o', os.path.join(tmp, 'sheet2.pdf'))
        run('backup', '-o', os.path.join(tmp, 'backup.db'))
        # Errors about a patient's file name the file, never the patient.
        run('history', '999999', check=False)

print(f'1..1')
for f in failures:
    print(f'# {f}')
print(f'{"not ok" if failures else "ok"} 1 no patient data on stdout or stderr in {tests} commands')
sys.exit(1 if failures else 0)
