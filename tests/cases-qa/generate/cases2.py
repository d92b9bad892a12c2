# ---------------------------------------------------------------- more near misses and dates
case('rf-instability-swelling-no-giving-way', 'Near miss: swelling recorded under giving way, but the knee does not give way.',
     w(B, {'giving-way': 'no', 'giving-way-swelling': 'yes'}), NONE)
case('rf-scfe-limp-abnormal-exam', 'RF-SCFE: age 12, a limp with the hip examination recorded as not normal.',
     w(B, {'limp': 'yes', 'normal-hip-exam': 'no'}), urgent1('RF-SCFE', **{'no-running': 'yes'}), birth='2014-05-01')
case('rf-haemarthrosis-old-injury', 'RF-HAEMARTHROSIS has no 6-week limit: its wording is "within 2 hours of an injury", not "after an injury" (rules 0), and a haemarthrosis weeks ago still calls for a knee clinic (lead ruling).',
     w(B, INJ(D55, 'twist'), {'swelling-within-2h': 'yes'}), {'triage': 'urgent', 'triage.reasons': 'RF-HAEMARTHROSIS', 'restriction': 'phase-1-only'})
case('rf-ottawa-past-visit-age', 'Age is taken on the visit date: visit 2026-06-01, born 1971-09-01: 54 then (55 today); injured 2 days before: no RF-OTTAWA.',
     w(B, INJ('2026-05-30')), NONE, birth='1971-09-01', date='2026-06-01')
case('rf-ottawa-past-visit-days', 'Days since the injury count to the visit date: visit 2026-06-01, injured 2026-05-28 (4 days): RF-OTTAWA.',
     w(B, INJ('2026-05-28'), {'tender-fibula-head': 'yes'}), emerg('RF-OTTAWA'), date='2026-06-01')
case('rf-scfe-past-visit-age', 'Age on the visit date: visit 2026-01-10, born 2009-06-01: 16 then (17 today): RF-SCFE.',
     w(B, {'limp': 'yes'}), urgent1('RF-SCFE', **{'no-running': 'yes'}), birth='2009-06-01', date='2026-01-10')
case('fu-previous-visit-own-date', 'The previous visit is judged on its own date: injured 10 days before it (RF-FRACTURE-LATE, phase 1); 45 days before now (no flag): progress to 2.',
     None, {'phase.previous': '1', 'phase': '2', 'followup': 'progress', 'triage': 'none'},
     visits=[('2026-10-20', 'initial', w(B, INJ('2026-10-10'), {'tender-fibula-head': 'yes'}), [], 'final'),
             (VDATE, 'follow-up', w(B, INJ('2026-10-10'), {'tender-fibula-head': 'yes'}), [], 'final')])
case('fu-single-follow-up', 'A document with a single visit is judged as that visit alone, even of kind follow-up: the initial rules give phase 3.',
     None, {'phase': '3', 'running': 'RP-WALKRUN'}, visits=[(VDATE, 'follow-up', rtr(L), [], 'final')])
case('rf-persistent-visits-42-days', 'RF-PERSISTENT: exactly 6 weeks (42 days) into the programme, worst pain 6 -> 5.',
     None, flag('routine', 'RF-PERSISTENT', 'none'), visits=[V1(w(B, {'worst-pain': '6'}), '2026-10-13'), V2(w(B, {'worst-pain': '5'}))])
case('rf-persistent-visits-41-days', 'Near miss: 41 days into the programme.',
     None, NONE, visits=[V1(w(B, {'worst-pain': '6'}), '2026-10-14'), V2(w(B, {'worst-pain': '5'}))])
case('rf-persistent-since-start', 'RF-PERSISTENT compares with the start of the programme: 7 -> 5 -> 5 is down 2 since the start: no flag.',
     None, NONE, visits=[V1(w(B, {'worst-pain': '7'})), V2(w(B, {'worst-pain': '5'}), d='2026-11-10'), V2(w(B, {'worst-pain': '5'}))])
# ---------------------------------------------------------------- not tested: the pain a criterion needs
a = rtr(L); del a['mt-walk-pain']
case('ph3-walk-pain-missing', 'MT-WALK 30 minutes with its pain not recorded: not tested (never read as 0): phase 2.', a, {'rtr.MT-WALK': 'not-tested', 'phase': '2'})
a = rtr(L); del a[('mt-sls-pain', 'left')]; del a[('mt-sls-pain', 'right')]
case('ph3-sls-pain-missing-both', 'MT-SLS reps with no pain recorded: not tested: phase 2.', a, {'rtr.MT-SLS': 'not-tested', 'phase': '2', 'lsi.MT-SLS': '100.0'})
a = rtr(L); del a[('mt-hop-pain', 'left')]
case('ph3-hop-pain-missing', 'MT-HOP pain not recorded on one side: not tested: phase 2.', a, {'rtr.MT-HOP': 'not-tested', 'phase': '2'})
case('ph3-both-knees-one-fails', 'Both knees involved: each side judged against the reference: 9 reps on the right fails.',
     rtr(w(L, {'involved-side': 'both'}), {('mt-sls-reps', 'right'): '9'}), {'rtr.MT-SLS': 'not-met', 'lsi.MT-SLS': 'none', 'phase': '2'})
case('pr-mixed-4-3', 'PFP 4 and ITBS 3: mixed.',
     w(B, {'pain-location': 'around-kneecap lateral', 'pain-squatting': '3', 'pain-sitting': '2', 'pain-kneeling': '2',
           'running-pain-pattern': 'consistent-point', 'pain-cambered': '3'}),
     {'presentation': 'mixed PR-PFP PR-ITBS', 'presentation.scores': SC(4, 3, 0, 0)})
case('done-quad-90', 'PH-DONE: quad measured, LSI 90.0, hop distance 95.0.', None, {'phase.done': 'yes', 'lsi.MT-QUAD': '90.0'},
     visits=[FU1(P3), V2(w(DONE(190, 200), sides('mt-quad-strength', 90, 100)))])
d = {'involved-side': 'left', 'injury': 'no', 'worst-pain': '4'}
case('mon-unknown', 'LS-MONITOR unknown: a draft with none of its inputs answered.', d, {'monitor': 'unknown'}, status='draft')
case('rp-modify-paused-within', 'RP-MODIFY broken, pain from minute 5 (and km recorded): paused.',
     w(B, G, {'worst-pain': '6', 'pain-during-running': '6', 'pain-onset-minutes': '5', 'pain-onset-km': '1'}), {'running': 'RP-MODIFY', 'running.detail': 'paused'})
case('ov-emergency-phase', 'An emergency makes no programme, whatever the phase override (rules 1, consequences).',
     w(B, {'calf-swelling': 'yes'}), {'triage': 'emergency', 'plan.exercises': '', 'running': 'RP-NONE'},
     overrides=[('phase', '2', 'Scan booked; wants exercises meanwhile.')])
# ---------------------------------------------------------------- overrides that are refused (tests/cases-qa/bad)
case('triage-emergency-to-routine', 'Lowering an emergency to routine needs a reason.', w(B, {'calf-swelling': 'yes'}), None,
     overrides=[('triage', 'routine', '')], bad='visit “v1”: override of the triage: lowering it from emergency to routine needs a reason')
case('triage-routine-to-none', 'Lowering routine (RF-EFFUSION) to none needs a reason.', w(B, {'recurrent-swelling': 'yes'}), None,
     overrides=[('triage', 'none', '')], bad='visit “v1”: override of the triage: lowering it from routine to none needs a reason')
case('triage-lowered-earlier-visit', 'An earlier visit that lowers its triage without a reason is refused too.', None, None,
     visits=[('2026-11-10', 'initial', w(B, {'locked-knee': 'yes'}), [('triage', 'none', '')], 'final'), (VDATE, 'follow-up', B, [], 'final')],
     bad='visit “v1”: override of the triage: lowering it from urgent to none needs a reason')
case('triage-lowered-history', 'The follow-up is judged with its history: RF-PERSISTENT (6 -> 5 over 54 days) is routine; lowering it to none needs a reason.', None, None,
     visits=[V1(w(B, {'worst-pain': '6'})), (VDATE, 'follow-up', w(B, {'worst-pain': '5'}), [('triage', 'none', '')], 'final')],
     bad='visit “v2”: override of the triage: lowering it from routine to none needs a reason')
# ---------------------------------------------------------------- a full baseline (check-cases.py also runs --reasons on it)
case('typical-pfp', 'A typical patellofemoral pain visit: every section answered, no red flag.',
     w(B, {'onset-date': '2026-10-05', 'pain-location': 'around-kneecap', 'running-pain-pattern': 'from-start', 'longest-run-30d': '12',
           'pain-during-running': '4', 'pain-after-running': '5', 'pain-onset-minutes': '20', 'pain-walking': '1', 'pain-stairs-down': '4',
           'pain-squatting': '4', 'pain-sitting': '3'}, WALK(30, 1), sides('mt-sls-reps', 7, 12), sides('mt-sls-pain', 4, 0),
       sides('mt-calf-reps', 22, 25), sides('mt-bridge-reps', 16, 22), sides('mt-hop-count', 8, 15), sides('mt-hop-pain', 3, 0)),
     {'triage': 'none', 'triage.reasons': '', 'restriction': 'none', 'irritability': 'moderate', 'presentation': 'PR-PFP likely', 'phase': '2',
      'rtr.red-flags': 'met', 'rtr.irritability': 'met', 'rtr.MT-WALK': 'met', 'rtr.MT-SLS': 'not-met', 'rtr.MT-CALF': 'met',
      'rtr.MT-BRIDGE': 'not-met', 'rtr.MT-HOP': 'not-met', 'rtr.MT-QUAD': 'not-tested', 'lsi.MT-SLS': '58.3', 'lsi.MT-BRIDGE': '72.7',
      'lsi.MT-CALF': '88.0', 'lsi.MT-HOP': '53.3', 'lsi.MT-HOPDIST': 'none', 'lsi.MT-QUAD': 'none', 'running': 'RP-MODIFY',
      'running.detail': 'shortened 15 min', 'spike.limit': '13.2 km', 'no-running': 'no', 'monitor': 'broken', 'monitor.rule': 'pfp',
      'phase.done': 'no', 'referred-screen': 'no', 'presentation.scores': SC(5, 0, 0, 0), 'plan.maintenance': 'no'})
# ---------------------------------------------------------------- found while probing
case('rp-modify-onset-km-0', 'RP-MODIFY broken, pain from 0 km (from the very start of the run): within 10 minutes: paused.',
     w(B, G, {'worst-pain': '6', 'pain-during-running': '6', 'pain-onset-km': '0'}), {'running': 'RP-MODIFY', 'running.detail': 'paused'})
case('lsi-half-up', 'LSI 5 / 16 x 100 = 31.25: one decimal, rounded half up as spike.limit is: 31.3.',
     w(B, sides('mt-sls-reps', 5, 16)), {'lsi.MT-SLS': '31.3'})
case('ph1-walk-minute-only', 'PH-1: the minute at which walking pain went above 2 is recorded (6), the highest pain is not: the minute alone says it went above 2 (protocol: mt-walk-pain-minute).',
     w(B, {'mt-walk-minutes': '12', 'mt-walk-source': 'report', 'mt-walk-pain-minute': '6'}), {'phase': '1', 'rtr.MT-WALK': 'not-met'})
case('rf-bone-stress-pace', 'RF-BONE-STRESS: bone tenderness with faster running or intervals in the last 8 weeks (a training increase).',
     w(B, {'bone-tenderness': 'yes', 'recent-changes': 'pace'}), urgent1('RF-BONE-STRESS', **{'no-running': 'yes'}))
case('rf-hip-stress-pace', 'RF-HIP-STRESS: groin pain with faster running or intervals in the last 8 weeks (a training increase).',
     w(B, {'groin-pain-weight-bearing': 'yes', 'recent-changes': 'pace'}), urgent1('RF-HIP-STRESS', **{'no-running': 'yes'}))
case('ph1-walk-short-painful', 'PH-1: an 8-minute walk with highest pain 4 (minute not written down): walking became painful above 2 before 10 minutes.',
     w(B, WALK(8, 4)), {'phase': '1', 'rtr.MT-WALK': 'not-met'})
