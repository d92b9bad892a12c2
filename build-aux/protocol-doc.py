#!/usr/bin/env python3
"""Writes docs/protocol.md from data/protocol/protocol.xml, the page outside tools
use to write assessment documents.

  build-aux/protocol-doc.py data/protocol/protocol.xml > docs/protocol.md
  build-aux/protocol-doc.py --check data/protocol/protocol.xml docs/protocol.md

--check fails (exit 1) when the page is not exactly what the protocol gives, so
the page and the protocol cannot drift apart."""
import sys
import xml.etree.ElementTree as ET

NS = '{https://stride.github.io/ns/protocol/1}'

TYPE_VALUES = {
    'yes-no': '`yes` or `no`',
    'scale': 'whole number `0`–`10` (NRS)',
    'date': 'date `YYYY-MM-DD`',
    'text': 'free text',
}


def cell(text):
    return ' '.join((text or '').split()).replace('|', '\\|')


def values(item):
    typ = item.get('type')
    if typ in TYPE_VALUES:
        return TYPE_VALUES[typ]
    if typ == 'number':
        digits = int(item.get('digits', '0'))
        kind = 'whole number' if digits == 0 else f'number, up to {digits} decimal(s), dot separator'
        unit = item.get('unit')
        return f"{kind} {item.get('min')}–{item.get('max')}" + (f' {unit}' if unit else '')
    choices = ', '.join(f"`{c.get('id')}` ({cell(c.find(NS + 'label').text)})"
                        for c in item.findall(NS + 'choice'))
    if typ == 'choice':
        return 'one of: ' + choices
    return 'any of, space-separated: ' + choices


def render(path):
    root = ET.parse(path).getroot()
    out = []
    out.append('# Assessment protocol: item ids')
    out.append('')
    out.append('Generated from `data/protocol/protocol.xml` by `build-aux/protocol-doc.py`; a test '
               '(`protocol-doc`, suite `data`) fails when they disagree. Edit the XML, then run')
    out.append('`build-aux/protocol-doc.py data/protocol/protocol.xml > docs/protocol.md`.')
    out.append('')
    out.append('Each answer in an assessment document is `<answer item="ID">VALUE</answer>`, with '
               '`side="left"` or `side="right"` on per-side items (and only on them). Values are '
               'canonical text: `yes`/`no`; whole numbers for scales; numbers with a dot as the '
               'decimal separator, never a comma; choice ids; several choice ids separated by one '
               'space; ISO dates. A test that was not done, or a question not asked, is left out: '
               'never written as 0. Items marked required must be answered at every visit.')
    out.append('')
    out.append('The patient\'s age (birth date) and sex come from the patient record, not from '
               'items: age on the visit date is used by RF-OTTAWA (55 or over), RF-SCFE (8–16), '
               'RF-MALIGNANCY (under 25), PR-APOPHYSITIS (9–16) and the MT-CALF norms.')
    out.append('')
    out.append('Items marked *carried* describe the episode (onset, side, injury, goals…): a '
               'follow-up visit that leaves one out keeps the answer of the latest earlier visit '
               'that has it. Every other item is judged only from the visit itself.')
    out.append('')
    out.append('How each rule reads these items (e.g. an activity "provokes" pain at 1 or more) is in '
               '[engine.md](engine.md); the document format in '
               '[assessment-format.md](assessment-format.md).')
    out.append('')
    required = [i.get('id') for i in root.iter(NS + 'item') if i.get('required') == 'yes']
    out.append('Required at every final visit (a draft may leave them out): '
               + ', '.join(f'`{r}`' for r in required) + '.')
    out.append('')
    count = 0
    for section in root.findall(NS + 'section'):
        out.append(f"## {cell(section.find(NS + 'title').text)} (`{section.get('id')}`)")
        out.append('')
        for group in section.findall(NS + 'group'):
            out.append(f"### {cell(group.find(NS + 'title').text)} (group `{group.get('id')}`)")
            out.append('')
            out.append('| id | label | values | per side | required | carried | rules |')
            out.append('|---|---|---|---|---|---|---|')
            for item in group.findall(NS + 'item'):
                count += 1
                label = cell(item.find(NS + 'label').text)
                help_node = item.find(NS + 'help')
                if help_node is not None:
                    label += f' — {cell(help_node.text)}'
                per_side = 'yes' if item.get('per-side') == 'yes' else 'no'
                required = 'yes' if item.get('required') == 'yes' else 'no'
                carried = 'yes' if item.get('carried') == 'yes' else 'no'
                rules = ' '.join(item.get('rules', '').split())
                out.append(f"| `{item.get('id')}` | {label} | {values(item)} | {per_side} | "
                           f"{required} | {carried} | {rules} |")
            out.append('')
    out.append(f'{count} items.')
    return '\n'.join(out) + '\n'


def main(argv):
    if len(argv) == 4 and argv[1] == '--check':
        expected = render(argv[2])
        with open(argv[3], encoding='utf-8') as f:
            actual = f.read()
        if actual != expected:
            import difflib
            sys.stdout.writelines(difflib.unified_diff(
                actual.splitlines(True), expected.splitlines(True), argv[3], 'generated'))
            print(f'{argv[3]} disagrees with {argv[2]}: regenerate it with build-aux/protocol-doc.py',
                  file=sys.stderr)
            return 1
        print(f'ok: {argv[3]} matches {argv[2]}')
        return 0
    if len(argv) == 2:
        sys.stdout.write(render(argv[1]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


sys.exit(main(sys.argv))
