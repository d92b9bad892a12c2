#!/usr/bin/env python3
"""Every protocol item and choice the engine names in src/core/stride-engine.c
exists in data/protocol/protocol.xml, and every rule id the protocol names is a
rule of clinical/rules.md: a typo would otherwise make a rule silently never fire."""
import re
import sys
import xml.etree.ElementTree as ET

root_dir = sys.argv[1]
NS = '{https://stride.github.io/ns/protocol/1}'
RULES = set('''RF-SEPTIC RF-NEUROVASC RF-COMPARTMENT RF-DVT RF-PE RF-DEFORMITY RF-EXTENSOR RF-OTTAWA
RF-FRACTURE-LATE RF-LOCKED RF-HAEMARTHROSIS RF-INSTABILITY RF-BONE-STRESS RF-HIP-STRESS RF-SCFE
RF-MALIGNANCY RF-INFLAMMATORY RF-EFFUSION RF-SEVERE RF-PERSISTENT LS-IRRITABILITY LS-MONITOR
MT-WALK MT-SQUAT MT-SLS MT-STEPDOWN MT-BRIDGE MT-CALF MT-HOP MT-HOPDIST MT-QUAD MT-DECLINE MT-NOBLE
MT-RTR PH-1 PH-2 PH-3 PH-FU PH-DONE PR-PFP PR-ITBS PR-PT PR-APOPHYSITIS PR-REFERRED RP-NONE
RP-MODIFY RP-WALKRUN RP-SPIKE'''.split())

protocol = ET.parse(f'{root_dir}/data/protocol/protocol.xml').getroot()
items = {}
problems = []
for item in protocol.iter(NS + 'item'):
    items[item.get('id')] = {c.get('id') for c in item.findall(NS + 'choice')}
    for rule in item.get('rules', '').split():
        if rule not in RULES:
            problems.append(f'protocol.xml: item {item.get("id")} names unknown rule {rule}')

source = open(f'{root_dir}/src/core/stride-engine.c', encoding='utf-8').read()
# Calls whose item argument is a literal: yes (c, "x"), choice (c, "x", "y"), stride_answers_*(…, "x", …)
calls = re.finditer(
    r'\b(yes|num|at_least|choice|provokes|side_pain_at_least|reason_item|reason_value|reason_choice'
    r'|stride_answers_(?:has|get|get_number|get_date|has_choice|is_yes))\s*\(([^;]*?)\)', source, re.S)
named = 0
for call in calls:
    literals = re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)*)"', call.group(2))
    if not literals:
        continue
    # `loc` is the engine's short name for "pain-location".
    if re.match(r'\s*c\s*,\s*loc\s*,', call.group(2)):
        literals.insert(0, 'pain-location')
    item = literals[0]
    named += 1
    if item not in items:
        problems.append(f'stride-engine.c: {call.group(1)} names unknown item “{item}”')
        continue
    if call.group(1) in ('choice', 'reason_choice', 'stride_answers_has_choice') and len(literals) > 1:
        if literals[1] not in items[item]:
            problems.append(f'stride-engine.c: “{literals[1]}” is not a choice of {item}')

# Arrays of item ids: static const char * const x[] = { "a", "b" };
for array in re.finditer(r'static const char \* const (\w+)\[\] = \{(.*?)\};', source, re.S):
    if array.group(1) in ('patterns', 'lsi_tests', 'flags', 'others'):
        continue
    for literal in re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)*)"', array.group(2)):
        named += 1
        if literal not in items:
            problems.append(f'stride-engine.c: array {array.group(1)} names unknown item “{literal}”')

for p in problems:
    print(p)
print(f'{named} item references checked, {len(problems)} problems')
sys.exit(1 if problems or named < 100 else 0)
