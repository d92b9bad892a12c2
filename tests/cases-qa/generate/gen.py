#!/usr/bin/env python3
"""Generates tests/cases-qa/*.xml and .expected from the case table below."""
import os, sys
OUT = sys.argv[1]
VDATE = '2026-11-24'

def base(**kw):
    a = {'involved-side': 'left', 'injury': 'no', 'running-now': 'yes',
         'worst-pain': '5', 'pain-at-rest': '1', 'pain-limits-daily': 'no',
         'night-pain': 'none', 'settle-time': '1-24h', 'next-morning': 'same'}
    a.update(kw)
    return a

def low(**kw):
    a = base(**{'worst-pain': '3', 'pain-at-rest': '0', 'settle-time': 'under-1h'})
    a.update(kw)
    return a

RTR = {'mt-walk-minutes': '30', 'mt-walk-source': 'clinic', 'mt-walk-pain': '1',
       ('mt-sls-reps', 'left'): '12', ('mt-sls-reps', 'right'): '12',
       ('mt-sls-pain', 'left'): '0', ('mt-sls-pain', 'right'): '0',
       ('mt-calf-reps', 'left'): '25', ('mt-calf-reps', 'right'): '25',
       ('mt-bridge-reps', 'left'): '25', ('mt-bridge-reps', 'right'): '25',
       ('mt-hop-count', 'left'): '15', ('mt-hop-count', 'right'): '15',
       ('mt-hop-pain', 'left'): '0', ('mt-hop-pain', 'right'): '0'}

def rtr(a, extra=None):
    a = dict(a); a.update(RTR)
    a.update(extra or {})
    return a

def sides(item, l, r):
    d = {}
    if l is not None: d[(item, 'left')] = str(l)
    if r is not None: d[(item, 'right')] = str(r)
    return d

def w(a, *dicts, **kw):
    a = dict(a)
    for d in dicts: a.update(d)
    for k, v in kw.items(): a[k.replace('_', '-')] = v
    return a

CASES = []
def case(name, comment, answers, exp, birth='1990-05-10', visits=None, overrides=None,
         status='final', date=VDATE, bad=None):
    if visits is None:
        visits = [(date, 'initial', answers, overrides or [], status)]
    CASES.append((name, comment, birth, visits, exp if bad is None else {'__bad__': bad}))

NONE = {'triage': 'none', 'triage.reasons': '', 'restriction': 'none'}
def flag(level, reasons, restriction, **more):
    d = {'triage': level, 'triage.reasons': reasons, 'restriction': restriction}
    d.update({k.replace('_', '-'): v for k, v in more.items()})
    return d
def emerg(reasons, **more):
    return flag('emergency', reasons, 'no-plan', phase='none', running='RP-NONE',
                **{'plan.exercises': '', 'running.detail': 'none'}, **more)
def urgent1(reasons, **more):
    return flag('urgent', reasons, 'phase-1-only', phase='1', running='RP-NONE', **more)

for _f in sys.argv[2:]: exec(open(_f).read())

def xml_visit(i, v):
    date, kind, answers, overrides, status = v
    lines = [f'  <visit id="v{i}" date="{date}" kind="{kind}" status="{status}">', '    <answers>']
    for k, val in answers.items():
        if isinstance(k, tuple):
            lines.append(f'      <answer item="{k[0]}" side="{k[1]}">{val}</answer>')
        else:
            lines.append(f'      <answer item="{k}">{val}</answer>')
    lines.append('    </answers>')
    if overrides:
        lines.append('    <overrides>')
        for what, value, reason in overrides:
            if reason:
                lines.append(f'      <override what="{what}" value="{value}">{reason}</override>')
            else:
                lines.append(f'      <override what="{what}" value="{value}"/>')
        lines.append('    </overrides>')
    lines.append('  </visit>')
    return '\n'.join(lines)

os.makedirs(OUT, exist_ok=True)
names = set()
for name, comment, birth, visits, exp in CASES:
    assert name not in names, name
    names.add(name)
    body = [ '<?xml version="1.0" encoding="UTF-8"?>', f'<!-- {comment} -->',
        '<assessment xmlns="https://stride.github.io/ns/assessment/1" version="1">',
        f'  <patient id="p-{name}">', f'    <birth-date>{birth}</birth-date>', '    <sex>female</sex>',
        '  </patient>']
    for i, v in enumerate(visits, 1):
        body.append(xml_visit(i, v))
    body.append('</assessment>')
    text = '\n'.join(body) + '\n'
    where = OUT
    if '__bad__' in exp:
        where = os.path.join(OUT, 'bad')
        os.makedirs(where, exist_ok=True)
        lines = text.split('\n')
        line = next(i for i, l in enumerate(lines, 1) if '<override' in l and l.strip().endswith('/>'))
        with open(os.path.join(where, name + '.xml'), 'w') as f:
            f.write(text)
        with open(os.path.join(where, name + '.expected'), 'w') as f:
            f.write(f'FILE:{line}: ' + exp['__bad__'] + '\n')
        continue
    with open(os.path.join(where, name + '.xml'), 'w') as f:
        f.write(text)
    with open(os.path.join(where, name + '.expected'), 'w') as f:
        for k, v in exp.items():
            f.write(f'{k}: {v}\n' if v != '' else f'{k}:\n')
print(len(CASES), 'cases')
