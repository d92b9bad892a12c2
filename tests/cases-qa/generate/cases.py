B = base()
L = low()
INJ = lambda days_date, mech='fall': {'injury': 'yes', 'injury-date': days_date, 'injury-mechanism': mech}
D0, D1, D2, D3, D5, D7, D8, D10, D14, D20, D23, D42, D43, D50, D55 = (
    '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-19', '2026-11-17',
    '2026-11-16', '2026-11-14', '2026-11-10', '2026-11-04', '2026-11-01', '2026-10-13',
    '2026-10-12', '2026-10-05', '2026-09-30')

# ---------------------------------------------------------------- RF-SEPTIC
case('rf-septic-fever', 'RF-SEPTIC: hot swollen knee with a temperature of 38 or more.',
     w(B, {'hot-swollen-knee': 'yes', 'fever': 'yes'}), emerg('RF-SEPTIC', **{'no-running': 'no'}))
case('rf-septic-chills', 'RF-SEPTIC: hot swollen knee with chills or feeling unwell.',
     w(B, {'hot-swollen-knee': 'yes', 'chills-unwell': 'yes'}), emerg('RF-SEPTIC'))
case('rf-septic-procedure', 'RF-SEPTIC: hot swollen knee after an injection in the last 3 months.',
     w(B, {'hot-swollen-knee': 'yes', 'recent-knee-procedure': 'yes'}), emerg('RF-SEPTIC'))
case('rf-septic-risk', 'RF-SEPTIC: hot swollen knee with diabetes (infection risk).',
     w(B, {'hot-swollen-knee': 'yes', 'infection-risk': 'yes'}), emerg('RF-SEPTIC'))
case('rf-septic-hot-alone', 'Near miss: a hot swollen knee with none of the "any of" items does not fire RF-SEPTIC.',
     w(B, {'hot-swollen-knee': 'yes', 'fever': 'no', 'chills-unwell': 'no', 'recent-knee-procedure': 'no', 'infection-risk': 'no'}), NONE)
case('rf-septic-not-hot', 'Near miss: fever, a recent injection and diabetes without a hot swollen knee do not fire RF-SEPTIC.',
     w(B, {'hot-swollen-knee': 'no', 'fever': 'yes', 'recent-knee-procedure': 'yes', 'infection-risk': 'yes'}), NONE)
# ---------------------------------------------------------------- RF-NEUROVASC
case('rf-neurovasc-cold-foot', 'RF-NEUROVASC: a cold pale foot fires whatever the history (no injury).',
     w(B, {'cold-pale-foot': 'yes'}), emerg('RF-NEUROVASC'))
case('rf-neurovasc-numb-no-injury', 'Near miss: numbness without an injury does not fire RF-NEUROVASC.',
     w(B, {'leg-numbness-weakness': 'yes'}), NONE)
case('rf-neurovasc-numb-injury', 'RF-NEUROVASC: numbness after an injury 20 days ago.',
     w(B, INJ(D20), {'leg-numbness-weakness': 'yes'}), emerg('RF-NEUROVASC'))
case('rf-neurovasc-numb-old-injury', 'Near miss: numbness after an injury 43 days ago (over 6 weeks: the "after an injury" clauses no longer apply, rules 0).',
     w(B, INJ(D43), {'leg-numbness-weakness': 'yes'}), NONE)
# ---------------------------------------------------------------- RF-COMPARTMENT
case('rf-compartment-tense-calf', 'RF-COMPARTMENT: a tense calf 3 days after a blow.',
     w(B, INJ(D3, 'blow'), {'tense-calf': 'yes'}), emerg('RF-COMPARTMENT'))
case('rf-compartment-no-injury', 'Near miss: pain on passive toe stretch and out of proportion without an injury.',
     w(B, {'pain-passive-toe-stretch': 'yes', 'pain-out-of-proportion': 'yes'}), NONE)
case('rf-compartment-old-injury', 'Near miss: a tense calf after an injury 50 days ago (over 6 weeks).',
     w(B, INJ(D50, 'blow'), {'tense-calf': 'yes'}), NONE)
# ---------------------------------------------------------------- RF-DVT
case('rf-dvt-swelling', 'RF-DVT: one calf swollen; risk factors are recorded but do not change the level.',
     w(B, {'calf-swelling': 'yes', 'dvt-risk-factors': 'long-travel previous-clot'}), emerg('RF-DVT'))
case('rf-dvt-tenderness', 'RF-DVT: calf pain with deep vein tenderness, not explained by another cause.',
     w(B, {'deep-vein-tenderness': 'yes', 'dvt-other-cause': 'no'}), emerg('RF-DVT'))
case('rf-dvt-explained', 'Near miss: deep vein tenderness fully explained by a muscle strain.',
     w(B, {'deep-vein-tenderness': 'yes', 'dvt-other-cause': 'yes'}), NONE)
# ---------------------------------------------------------------- RF-PE
case('rf-pe', 'RF-PE: new breathlessness: emergency, call an ambulance.',
     w(B, {'breathless-chest-pain': 'yes'}), emerg('RF-PE', ambulance='yes'))
# ---------------------------------------------------------------- RF-DEFORMITY / RF-EXTENSOR
case('rf-deformity', 'RF-DEFORMITY: visible deformity the day after a fall.',
     w(B, INJ(D1), {'visible-deformity': 'yes'}), emerg('RF-DEFORMITY'))
case('rf-extensor', 'RF-EXTENSOR: cannot lift the straight leg 10 days after an awkward landing.',
     w(B, INJ(D10, 'landing'), {'cannot-straighten-actively': 'yes'}), emerg('RF-EXTENSOR'))
case('rf-extensor-old-injury', 'Near miss: cannot straighten actively, injury 55 days ago (over 6 weeks).',
     w(B, INJ(D55, 'landing'), {'cannot-straighten-actively': 'yes'}), NONE)
# ---------------------------------------------------------------- RF-OTTAWA / RF-FRACTURE-LATE
case('rf-ottawa-day7', 'RF-OTTAWA: fibular head tenderness, injury 7 days ago (still within 7 days).',
     w(B, INJ(D7), {'tender-fibula-head': 'yes'}), emerg('RF-OTTAWA'))
case('rf-fracture-late-day8', 'RF-FRACTURE-LATE: fibular head tenderness, injury 8 days ago.',
     w(B, INJ(D8), {'tender-fibula-head': 'yes'}), urgent1('RF-FRACTURE-LATE', **{'running.detail': 'none', 'no-running': 'no'}))
case('rf-fracture-late-day42', 'RF-FRACTURE-LATE: cannot flex to 90, injury 42 days ago (the last day of 8-42).',
     w(B, INJ(D42), {'cannot-flex-90': 'yes'}), urgent1('RF-FRACTURE-LATE'))
case('rf-fracture-late-day43', 'Near miss: cannot flex to 90, injury 43 days ago.',
     w(B, INJ(D43), {'cannot-flex-90': 'yes'}), NONE)
case('rf-ottawa-age-55', 'RF-OTTAWA by age alone: 55 on the visit date (birthday today), injury 2 days ago.',
     w(B, INJ(D2)), emerg('RF-OTTAWA'), birth='1971-11-24')
case('rf-ottawa-age-54', 'Near miss: 54 on the visit date (55 tomorrow), injury 2 days ago, no other Ottawa criterion.',
     w(B, INJ(D2)), NONE, birth='1971-11-25')
case('rf-fracture-late-age-only', 'Near miss: age 66, injury 14 days ago: age is not a RF-FRACTURE-LATE criterion.',
     w(B, INJ(D14)), NONE, birth='1960-01-01')
case('rf-ottawa-day0-weight', 'RF-OTTAWA: injured today and cannot bear weight.',
     w(B, INJ(D0), {'cannot-bear-weight': 'yes'}), emerg('RF-OTTAWA'))
case('rf-ottawa-patella', 'RF-OTTAWA: tenderness isolated to the patella 4 days after a blow.',
     w(B, INJ('2026-11-20', 'blow'), {'tender-patella-isolated': 'yes'}), emerg('RF-OTTAWA'))
case('rf-fracture-late-phase-cap', 'RF-FRACTURE-LATE caps a phase-3 patient at phase 1.',
     rtr(w(L, INJ(D20), {'tender-patella-isolated': 'yes'})), urgent1('RF-FRACTURE-LATE', **{'rtr.red-flags': 'not-met'}))
# ---------------------------------------------------------------- RF-LOCKED
case('rf-locked', 'RF-LOCKED: the knee cannot fully straighten.',
     w(B, {'locked-knee': 'yes'}), urgent1('RF-LOCKED', **{'no-running': 'no', 'rtr.red-flags': 'not-met'}))
case('rf-locked-catch', 'Near miss: a catch that frees itself is recorded as locked-knee no.',
     w(B, {'locked-knee': 'no'}), NONE)
# ---------------------------------------------------------------- RF-HAEMARTHROSIS
case('rf-haemarthrosis-2h', 'RF-HAEMARTHROSIS: swelling within 2 hours of a landing 5 days ago.',
     w(B, INJ(D5, 'landing'), {'swelling-within-2h': 'yes'}), urgent1('RF-HAEMARTHROSIS'))
case('rf-haemarthrosis-pop', 'RF-HAEMARTHROSIS: a pop with rapid swelling, twist 23 days ago.',
     w(B, INJ(D23, 'twist'), {'pop-rapid-swelling': 'yes'}), urgent1('RF-HAEMARTHROSIS'))
# ---------------------------------------------------------------- RF-INSTABILITY
case('rf-instability-twist', 'RF-INSTABILITY: gives way after a twisting injury 23 days ago.',
     w(B, INJ(D23, 'twist'), {'giving-way': 'yes'}), urgent1('RF-INSTABILITY'))
case('rf-instability-pain-alone', 'Near miss: giving way from pain alone (no injury, no swelling) does not fire RF-INSTABILITY.',
     w(B, {'giving-way': 'yes', 'giving-way-swelling': 'no'}), NONE)
case('rf-instability-swelling', 'RF-INSTABILITY: gives way with swelling, no injury.',
     w(B, {'giving-way': 'yes', 'giving-way-swelling': 'yes'}), urgent1('RF-INSTABILITY'))
case('rf-instability-fall', 'Near miss: gives way after a fall (not a twist), no swelling.',
     w(B, INJ(D23, 'fall'), {'giving-way': 'yes', 'giving-way-swelling': 'no'}), NONE)
# ---------------------------------------------------------------- RF-BONE-STRESS
HOPS = w(sides('mt-hop-count', 15, 15), sides('mt-hop-pain', 0, 0), sides('mt-hopdist-cm', 150, 160))
case('rf-bone-stress-hop', 'RF-BONE-STRESS: tibial tenderness with pain on hopping; hop tests recorded anyway are disabled.',
     w(B, {'bone-tenderness': 'yes', 'hop-pain': 'yes'}, HOPS),
     urgent1('RF-BONE-STRESS', **{'no-running': 'yes', 'rtr.MT-HOP': 'not-tested', 'test.MT-HOP': 'not-tested: bone stress suspected',
                                  'test.MT-HOPDIST': 'not-tested: bone stress suspected', 'lsi.MT-HOP': 'none', 'lsi.MT-HOPDIST': 'none',
                                  'running.detail': 'none'}))
case('rf-bone-stress-hop-alone', 'Near miss: pain on hopping with every risk factor but no bone tenderness.',
     w(B, {'bone-tenderness': 'no', 'hop-pain': 'yes', 'recent-changes': 'volume-increase', 'previous-bone-stress': 'yes', 'low-energy': 'yes'}),
     w(NONE, {'no-running': 'no'}))
case('rf-bone-stress-volume', 'RF-BONE-STRESS: bone tenderness with more running in the last 8 weeks.',
     w(B, {'bone-tenderness': 'yes', 'recent-changes': 'terrain volume-increase'}), urgent1('RF-BONE-STRESS', **{'no-running': 'yes'}))
case('rf-bone-stress-shoes', 'Near miss: bone tenderness with new shoes only (not a training increase).',
     w(B, {'bone-tenderness': 'yes', 'recent-changes': 'shoes'}), NONE)
case('rf-bone-stress-low-energy', 'RF-BONE-STRESS: bone tenderness with missed periods.',
     w(B, {'bone-tenderness': 'yes', 'low-energy': 'yes'}), urgent1('RF-BONE-STRESS', **{'no-running': 'yes'}))
case('rf-bone-stress-previous', 'RF-BONE-STRESS: bone tenderness with a previous stress fracture.',
     w(B, {'bone-tenderness': 'yes', 'previous-bone-stress': 'yes'}), urgent1('RF-BONE-STRESS', **{'no-running': 'yes'}))
case('rf-bone-stress-alone', 'Near miss: bone tenderness alone.',
     w(B, {'bone-tenderness': 'yes'}), NONE)
# ---------------------------------------------------------------- RF-HIP-STRESS
case('rf-hip-stress-end-range', 'RF-HIP-STRESS: groin pain on weight-bearing with painful end-range hip flexion.',
     w(B, {'groin-pain-weight-bearing': 'yes', 'hip-end-range-pain': 'yes'}, HOPS),
     urgent1('RF-HIP-STRESS', **{'no-running': 'yes', 'rtr.MT-HOP': 'not-tested', 'test.MT-HOP': 'not-tested: bone stress suspected',
                                 'test.MT-HOPDIST': 'not-tested: bone stress suspected', 'lsi.MT-HOPDIST': 'none'}))
case('rf-hip-stress-lateral', 'Near miss: lateral hip pain with hop pain and a previous stress injury, no groin pain.',
     w(B, {'pain-location': 'hip lateral', 'groin-pain-weight-bearing': 'no', 'hop-pain': 'yes', 'previous-bone-stress': 'yes'}), NONE)
case('rf-hip-stress-groin-alone', 'Near miss: groin pain on weight-bearing alone.',
     w(B, {'groin-pain-weight-bearing': 'yes'}), NONE)
case('rf-hip-stress-volume', 'RF-HIP-STRESS: groin pain with a volume increase.',
     w(B, {'groin-pain-weight-bearing': 'yes', 'recent-changes': 'volume-increase'}), urgent1('RF-HIP-STRESS', **{'no-running': 'yes'}))
case('rf-hip-stress-hop', 'RF-HIP-STRESS: groin pain with pain on hopping.',
     w(B, {'groin-pain-weight-bearing': 'yes', 'hop-pain': 'yes'}), urgent1('RF-HIP-STRESS', **{'no-running': 'yes'}))
# ---------------------------------------------------------------- RF-SCFE
case('rf-scfe-limp', 'RF-SCFE: age 12 with a limp, hip not examined.',
     w(B, {'limp': 'yes'}), urgent1('RF-SCFE', **{'no-running': 'yes'}), birth='2014-05-01')
case('rf-scfe-limp-normal-exam', 'Near miss: age 12, a limp with a normal hip examination recorded.',
     w(B, {'limp': 'yes', 'normal-hip-exam': 'yes'}), w(NONE, {'no-running': 'no'}), birth='2014-05-01')
case('rf-scfe-age-16', 'RF-SCFE: 16 on the visit date (17 tomorrow) with reduced hip internal rotation.',
     w(B, {'hip-rotation-reduced': 'yes'}), urgent1('RF-SCFE', **{'no-running': 'yes'}), birth='2009-11-25')
case('rf-scfe-age-17', 'Near miss: 17 today, reduced hip internal rotation and a limp.',
     w(B, {'hip-rotation-reduced': 'yes', 'limp': 'yes'}), NONE, birth='2009-11-24')
case('rf-scfe-age-8', 'RF-SCFE: age 8 with the thigh turning out as the hip bends.',
     w(B, {'thigh-turns-out': 'yes'}), urgent1('RF-SCFE', **{'no-running': 'yes'}), birth='2018-06-01')
case('rf-scfe-age-7', 'Near miss: age 7 with a limp.',
     w(B, {'limp': 'yes'}), NONE, birth='2019-06-01')
# ---------------------------------------------------------------- RF-MALIGNANCY
case('rf-malignancy-weight-loss', 'RF-MALIGNANCY: constant pain with unexplained weight loss, age 36.',
     w(B, {'constant-pain': 'yes', 'weight-loss': 'yes'}), urgent1('RF-MALIGNANCY', **{'no-running': 'no'}))
case('rf-malignancy-night-cancer', 'RF-MALIGNANCY: wakes most nights with a history of cancer.',
     w(B, {'night-pain': 'most-nights', 'cancer-history': 'yes'}), urgent1('RF-MALIGNANCY', irritability='high'))
case('rf-malignancy-fever', 'RF-MALIGNANCY (not RF-SEPTIC, the knee is not hot): constant pain with fever.',
     w(B, {'constant-pain': 'yes', 'fever': 'yes'}), urgent1('RF-MALIGNANCY'))
case('rf-malignancy-night-sweats', 'RF-MALIGNANCY: constant pain with night sweats.',
     w(B, {'constant-pain': 'yes', 'night-sweats': 'yes'}), urgent1('RF-MALIGNANCY'))
case('rf-malignancy-constant-alone', 'Near miss: constant pain alone, age 36.',
     w(B, {'constant-pain': 'yes'}), NONE)
case('rf-malignancy-systemic-alone', 'Near miss: weight loss, night sweats and cancer history without constant or night pain.',
     w(B, {'weight-loss': 'yes', 'night-sweats': 'yes', 'cancer-history': 'yes', 'night-pain': 'some-nights'}), NONE)
case('rf-malignancy-young-constant', 'RF-MALIGNANCY second branch: age 20, bone pain near the knee, constant.',
     w(B, {'bone-pain-swelling': 'yes', 'constant-pain': 'yes'}), urgent1('RF-MALIGNANCY'), birth='2006-03-01')
case('rf-malignancy-young-night', 'RF-MALIGNANCY second branch: age 20, bone pain that wakes most nights.',
     w(B, {'bone-pain-swelling': 'yes', 'night-pain': 'most-nights'}), urgent1('RF-MALIGNANCY'), birth='2006-03-01')
case('rf-malignancy-age-25', 'Near miss: 25 today, constant bone pain near the knee, no systemic sign.',
     w(B, {'bone-pain-swelling': 'yes', 'constant-pain': 'yes'}), NONE, birth='2001-11-24')
case('rf-malignancy-age-24', 'RF-MALIGNANCY: 24 on the visit date (25 tomorrow), constant bone pain near the knee.',
     w(B, {'bone-pain-swelling': 'yes', 'constant-pain': 'yes'}), urgent1('RF-MALIGNANCY'), birth='2001-11-25')
case('rf-malignancy-young-bone-only', 'Near miss: age 20, bone pain near the knee, neither constant nor waking most nights.',
     w(B, {'bone-pain-swelling': 'yes', 'night-pain': 'some-nights'}), NONE, birth='2006-03-01')
# ---------------------------------------------------------------- RF-INFLAMMATORY
INFL = lambda: {'triage': 'urgent', 'triage.reasons': 'RF-INFLAMMATORY', 'restriction': 'none', 'no-running': 'no',
                'rtr.red-flags': 'not-met', 'phase': '2'}
case('rf-inflammatory-joints', 'RF-INFLAMMATORY: two or more joints; urgent but no restriction, the plan goes on.',
     w(B, {'multiple-joints': 'yes'}), w(INFL(), {'running': 'RP-MODIFY'}))
case('rf-inflammatory-stiffness', 'RF-INFLAMMATORY: morning stiffness over 30 minutes.',
     w(B, {'morning-stiffness': 'yes'}), INFL())
case('rf-inflammatory-psoriasis', 'RF-INFLAMMATORY: knee pain with psoriasis.',
     w(B, {'inflammatory-conditions': 'psoriasis'}), INFL())
case('rf-inflammatory-back-pain', 'RF-INFLAMMATORY: knee pain with inflammatory back pain.',
     w(B, {'inflammatory-conditions': 'back-pain'}), INFL())
case('rf-inflammatory-uveitis-bowel', 'RF-INFLAMMATORY: uveitis and inflammatory bowel disease.',
     w(B, {'inflammatory-conditions': 'uveitis bowel'}), INFL())
case('rf-inflammatory-blocks-ph3', 'RF-INFLAMMATORY is urgent: MT-RTR criterion 1 fails, so phase 2 not 3.',
     rtr(w(L, {'multiple-joints': 'yes'})), w(INFL(), {'rtr.MT-WALK': 'met', 'rtr.MT-SLS': 'met', 'rtr.irritability': 'met'}))
# ---------------------------------------------------------------- RF-EFFUSION / RF-SEVERE
case('rf-effusion', 'RF-EFFUSION: swelling that keeps returning without an injury: routine.',
     w(B, {'recurrent-swelling': 'yes'}), flag('routine', 'RF-EFFUSION', 'none', phase='2', **{'rtr.red-flags': 'met'}))
case('rf-effusion-phase3', 'RF-EFFUSION is routine: MT-RTR criterion 1 stays met, phase 3 is allowed.',
     rtr(w(L, {'recurrent-swelling': 'yes'})), flag('routine', 'RF-EFFUSION', 'none', phase='3', running='RP-WALKRUN', **{'rtr.red-flags': 'met'}))
case('rf-severe-8', 'RF-SEVERE: worst pain 8 and pain limits daily activities.',
     w(B, {'worst-pain': '8', 'pain-limits-daily': 'yes'}), flag('routine', 'RF-SEVERE', 'none', irritability='high', phase='1'))
case('rf-severe-7', 'Near miss: worst pain 7 with pain limiting daily activities.',
     w(B, {'worst-pain': '7', 'pain-limits-daily': 'yes'}), w(NONE, {'irritability': 'high', 'phase': '1'}))
case('rf-severe-no-limit', 'Near miss: worst pain 9, daily activities not limited.',
     w(B, {'worst-pain': '9', 'pain-limits-daily': 'no'}), w(NONE, {'irritability': 'high'}))
# ---------------------------------------------------------------- RF-PERSISTENT
case('rf-persistent-history', 'RF-PERSISTENT second branch: symptoms since April (over 6 months) despite 12 weeks of supervised rehab.',
     w(B, {'onset-date': '2026-04-01', 'treatments-tried': 'supervised-rehab', 'supervised-rehab-weeks': '12'}),
     flag('routine', 'RF-PERSISTENT', 'none', phase='2'))
case('rf-persistent-history-11-weeks', 'Near miss: over 6 months but 11 weeks of supervised rehab.',
     w(B, {'onset-date': '2026-04-01', 'supervised-rehab-weeks': '11'}), NONE)
case('rf-persistent-history-recent', 'Near miss: 20 weeks of rehab but symptoms only since July (under 6 months).',
     w(B, {'onset-date': '2026-07-01', 'supervised-rehab-weeks': '20'}), NONE)
V1 = lambda a, d='2026-10-01': (d, 'initial', a, [], 'final')
V2 = lambda a, o=None, d=VDATE: (d, 'follow-up', a, o or [], 'final')
case('rf-persistent-visits', 'RF-PERSISTENT first branch: 54 days into the programme, worst pain 6 -> 5, no criterion newly met.',
     None, flag('routine', 'RF-PERSISTENT', 'none', phase='2', followup='hold', **{'phase.previous': '2', 'worst-pain.change': '-1.0'}),
     visits=[V1(w(B, {'worst-pain': '6'})), V2(w(B, {'worst-pain': '5'}))])
case('rf-persistent-visits-5-weeks', 'Near miss: only 35 days into the programme.',
     None, NONE, visits=[V1(w(B, {'worst-pain': '6'}), '2026-10-20'), V2(w(B, {'worst-pain': '5'}))])
case('rf-persistent-visits-improved', 'Near miss: worst pain down by 2 (6 -> 4) after 54 days.',
     None, NONE, visits=[V1(w(B, {'worst-pain': '6'})), V2(w(B, {'worst-pain': '4'}))])
case('rf-persistent-visits-newly-met', 'Near miss: worst pain 6 -> 5 after 54 days, but MT-SLS newly met.',
     None, w(NONE, {'rtr.MT-SLS': 'met'}), visits=[V1(w(B, {'worst-pain': '6'})),
     V2(w(B, {'worst-pain': '5'}, sides('mt-sls-reps', 12, 12), sides('mt-sls-pain', 0, 0)))])
case('rf-persistent-three-visits', 'RF-PERSISTENT counts from the start of the programme (first visit), not the last visit: 54 days, 6 -> 5.',
     None, flag('routine', 'RF-PERSISTENT', 'none'),
     visits=[V1(w(B, {'worst-pain': '6'})), V2(w(B, {'worst-pain': '5'}), d='2026-11-10'), V2(w(B, {'worst-pain': '5'}))])
# ---------------------------------------------------------------- combinations
case('combo-urgent-strictest', 'Urgent flags with restrictions none and phase-1-only/no-running plus a routine one: urgent, the strictest restriction, table order.',
     w(B, {'recurrent-swelling': 'yes', 'multiple-joints': 'yes', 'bone-tenderness': 'yes', 'hop-pain': 'yes'}),
     flag('urgent', 'RF-BONE-STRESS RF-INFLAMMATORY RF-EFFUSION', 'phase-1-only', phase='1', running='RP-NONE', **{'no-running': 'yes'}))
case('combo-emergency-wins', 'Emergency beats urgent and routine; reasons in table order whatever the answer order.',
     w(B, {'worst-pain': '8', 'pain-limits-daily': 'yes', 'locked-knee': 'yes', 'calf-swelling': 'yes'}),
     emerg('RF-DVT RF-LOCKED RF-SEVERE'))
case('combo-pe-septic', 'RF-PE and RF-SEPTIC: table order, ambulance.',
     w(B, {'breathless-chest-pain': 'yes', 'hot-swollen-knee': 'yes', 'fever': 'yes'}), emerg('RF-SEPTIC RF-PE', ambulance='yes'))
case('combo-routine-two', 'Two routine flags: routine, no restriction, table order.',
     w(B, {'worst-pain': '8', 'pain-limits-daily': 'yes', 'recurrent-swelling': 'yes'}), flag('routine', 'RF-EFFUSION RF-SEVERE', 'none'))
case('combo-hip-scfe', 'RF-HIP-STRESS and RF-SCFE at age 12.',
     w(B, {'limp': 'yes', 'groin-pain-weight-bearing': 'yes', 'hip-end-range-pain': 'yes'}),
     urgent1('RF-HIP-STRESS RF-SCFE', **{'no-running': 'yes'}), birth='2014-05-01')
case('combo-injury-all', 'Every injury flag at once, injured today: table order.',
     w(B, INJ(D0, 'twist'), {'giving-way': 'yes', 'swelling-within-2h': 'yes', 'cannot-bear-weight': 'yes', 'cannot-straighten-actively': 'yes',
                              'visible-deformity': 'yes', 'tense-calf': 'yes', 'leg-numbness-weakness': 'yes'}),
     emerg('RF-NEUROVASC RF-COMPARTMENT RF-DEFORMITY RF-EXTENSOR RF-OTTAWA RF-HAEMARTHROSIS RF-INSTABILITY'))
case('combo-late-flags', 'RF-FRACTURE-LATE, RF-LOCKED, RF-MALIGNANCY, RF-PERSISTENT: urgent, phase-1-only, table order.',
     w(B, INJ(D20, 'blow'), {'cannot-flex-90': 'yes', 'locked-knee': 'yes', 'constant-pain': 'yes', 'cancer-history': 'yes',
                              'onset-date': '2026-01-10', 'supervised-rehab-weeks': '16'}),
     urgent1('RF-FRACTURE-LATE RF-LOCKED RF-MALIGNANCY RF-PERSISTENT'))
# ---------------------------------------------------------------- LS-IRRITABILITY
IRR = lambda lvl, **m: w({'irritability': lvl}, {k.replace('_', '-'): v for k, v in m.items()})
case('irr-worst-7', 'LS-IRRITABILITY high: worst pain 7.', w(B, {'worst-pain': '7'}), IRR('high', phase='1'))
case('irr-worst-6', 'LS-IRRITABILITY moderate: worst pain 6.', w(B, {'worst-pain': '6'}), IRR('moderate', phase='2'))
case('irr-rest-4', 'LS-IRRITABILITY high: pain at rest 4.', w(B, {'pain-at-rest': '4'}), IRR('high', phase='1'))
case('irr-rest-3', 'Pain at rest 3: moderate irritability, but PH-1 (rest >= 3).', w(B, {'pain-at-rest': '3'}), IRR('moderate', phase='1'))
case('irr-settle-over-24h', 'LS-IRRITABILITY high: over 24 hours to settle.', w(B, {'worst-pain': '4', 'settle-time': 'over-24h'}), IRR('high', phase='1'))
case('irr-night-most', 'LS-IRRITABILITY high: wakes most nights.', w(B, {'worst-pain': '4', 'night-pain': 'most-nights'}), IRR('high', phase='1'))
case('irr-walking-5', 'LS-IRRITABILITY high: walking provokes 5.', w(B, {'pain-walking': '5'}), IRR('high', phase='1'))
case('irr-walking-stairs-4', 'LS-IRRITABILITY moderate: walking and stairs provoke 4.',
     w(B, {'pain-walking': '4', 'pain-stairs-up': '4', 'pain-stairs-down': '4'}), IRR('moderate', phase='2'))
case('irr-stairs-up-5', 'LS-IRRITABILITY high: stairs up provoke 5.', w(B, {'pain-stairs-up': '5'}), IRR('high'))
case('irr-stairs-down-5', 'LS-IRRITABILITY high: stairs down provoke 5.', w(B, {'pain-stairs-down': '5'}), IRR('high'))
case('irr-squatting-6', 'LS-IRRITABILITY moderate: squatting 6 is not one of the high triggers.',
     w(B, {'worst-pain': '6', 'pain-squatting': '6', 'pain-kneeling': '6', 'pain-jumping': '6'}), IRR('moderate'))
case('irr-first-match', 'First match wins: every low criterion holds but stairs down provoke 5: high.',
     w(L, {'pain-stairs-down': '5'}), IRR('high', phase='1'))
case('irr-low', 'LS-IRRITABILITY low: worst 3, settles under 1 h, next morning same, no night pain.', L, IRR('low'))
case('irr-low-better', 'LS-IRRITABILITY low: worst 2, next morning better.', w(L, {'worst-pain': '2', 'next-morning': 'better'}), IRR('low'))
case('irr-low-rest-3', 'Low irritability (rest pain is not a low criterion) but PH-1 by rest pain 3.',
     w(L, {'pain-at-rest': '3'}), IRR('low', phase='1', running='RP-NONE'))
case('irr-low-miss-settle', 'Not low: settles in 1-24 h.', w(L, {'settle-time': '1-24h'}), IRR('moderate'))
case('irr-low-miss-morning', 'Not low: next morning worse.', w(L, {'next-morning': 'worse'}), IRR('moderate'))
case('irr-low-miss-night', 'Not low: night pain some nights.', w(L, {'night-pain': 'some-nights'}), IRR('moderate'))
case('irr-low-miss-worst', 'Not low: worst pain 4.', w(L, {'worst-pain': '4'}), IRR('moderate'))
# ---------------------------------------------------------------- MT-RTR criterion 2
case('rtr2-running-exception', 'Criterion 2 met: moderate only because worst pain 5 is during/after running, settled by the morning, no night pain.',
     w(B, {'pain-during-running': '4', 'pain-after-running': '5'}), {'irritability': 'moderate', 'rtr.irritability': 'met'})
case('rtr2-not-from-running', 'Criterion 2 not met: worst pain 5 comes from squatting, running hurts only 2.',
     w(B, {'pain-during-running': '2', 'pain-after-running': '2', 'pain-squatting': '5'}), {'irritability': 'moderate', 'rtr.irritability': 'not-met'})
case('rtr2-night', 'Criterion 2 not met: running pain 5 but night pain some nights.',
     w(B, {'pain-during-running': '5', 'night-pain': 'some-nights'}), {'irritability': 'moderate', 'rtr.irritability': 'not-met'})
case('rtr2-morning-worse', 'Criterion 2 not met: running pain 4, next morning worse.',
     w(B, {'worst-pain': '4', 'pain-after-running': '4', 'next-morning': 'worse'}), {'irritability': 'moderate', 'rtr.irritability': 'not-met'})
case('rtr2-worst-6', 'Criterion 2 not met: worst pain 6 during running.',
     w(B, {'worst-pain': '6', 'pain-during-running': '6'}), {'irritability': 'moderate', 'rtr.irritability': 'not-met'})
case('rtr2-low', 'Criterion 2 met: low irritability.', L, {'irritability': 'low', 'rtr.irritability': 'met'})
case('rtr2-high', 'Criterion 2 not met: high irritability.', w(B, {'worst-pain': '7', 'pain-during-running': '7'}), {'irritability': 'high', 'rtr.irritability': 'not-met'})
d = w(B); del d['worst-pain']
case('rtr2-not-recorded', 'Criterion 2 not tested: a draft without worst pain.', d, {'rtr.irritability': 'not-tested'}, status='draft')
# ---------------------------------------------------------------- LSI and per-side tests
case('lsi-one-decimal', 'LSI = involved / uninvolved x 100 with one decimal (left involved).',
     w(B, sides('mt-sls-reps', 7, 9), sides('mt-sls-pain', 0, 0), sides('mt-bridge-reps', 20, 30), sides('mt-calf-reps', 22, 25),
       sides('mt-hop-count', 8, 15), sides('mt-hop-pain', 0, 0), sides('mt-hopdist-cm', 150, 180), sides('mt-quad-strength', 300, 400),
       {'mt-quad-unit': 'n'}),
     {'lsi.MT-SLS': '77.8', 'lsi.MT-BRIDGE': '66.7', 'lsi.MT-CALF': '88.0', 'lsi.MT-HOP': '53.3', 'lsi.MT-HOPDIST': '83.3', 'lsi.MT-QUAD': '75.0',
      'rtr.MT-SLS': 'not-met', 'rtr.MT-BRIDGE': 'met', 'rtr.MT-CALF': 'met', 'rtr.MT-HOP': 'not-met', 'rtr.MT-QUAD': 'met'})
case('lsi-right-involved', 'Right knee involved: LSI = right / left.',
     w(B, {'involved-side': 'right'}, sides('mt-sls-reps', 10, 8), sides('mt-calf-reps', 30, 24), sides('mt-quad-strength', '2.5', '2.0'), {'mt-quad-unit': 'nm-kg'}),
     {'lsi.MT-SLS': '80.0', 'lsi.MT-CALF': '80.0', 'lsi.MT-QUAD': '80.0'})
case('lsi-over-100', 'The involved side stronger: LSI above 100.', w(B, sides('mt-bridge-reps', 33, 30)), {'lsi.MT-BRIDGE': '110.0'})
case('lsi-both-knees', 'Both knees involved: no LSI; each side judged against the reference values; MT-QUAD not counted.',
     w(L, {'involved-side': 'both'}, RTR, sides('mt-quad-strength', 100, 300), sides('mt-hopdist-cm', 100, 150)),
     {'lsi.MT-SLS': 'none', 'lsi.MT-BRIDGE': 'none', 'lsi.MT-CALF': 'none', 'lsi.MT-HOP': 'none', 'lsi.MT-HOPDIST': 'none', 'lsi.MT-QUAD': 'none',
      'rtr.MT-SLS': 'met', 'rtr.MT-CALF': 'met', 'rtr.MT-BRIDGE': 'met', 'rtr.MT-HOP': 'met', 'rtr.MT-QUAD': 'not-tested', 'phase': '3'})
case('lsi-uninvolved-zero', 'The uninvolved side 0: LSI none.', w(B, sides('mt-sls-reps', 5, 0)), {'lsi.MT-SLS': 'none', 'rtr.MT-SLS': 'not-met'})
case('lsi-one-side', 'Only one side tested (and passing): LSI none, criterion not tested.',
     w(B, sides('mt-sls-reps', 12, None), sides('mt-sls-pain', 0, None), sides('mt-calf-reps', None, 25)),
     {'lsi.MT-SLS': 'none', 'rtr.MT-SLS': 'not-tested', 'lsi.MT-CALF': 'none', 'rtr.MT-CALF': 'not-tested'})
case('lsi-one-side-fails', 'One side tested and failing: criterion not met.',
     w(B, sides('mt-sls-reps', 8, None), sides('mt-sls-pain', 0, None), sides('mt-bridge-reps', 15, None)),
     {'rtr.MT-SLS': 'not-met', 'rtr.MT-BRIDGE': 'not-met'})
case('lsi-not-done', 'No tests: every LSI none, every per-side criterion not tested.', B,
     {'lsi.MT-SLS': 'none', 'lsi.MT-QUAD': 'none', 'rtr.MT-WALK': 'not-tested', 'rtr.MT-SLS': 'not-tested', 'rtr.MT-CALF': 'not-tested',
      'rtr.MT-BRIDGE': 'not-tested', 'rtr.MT-HOP': 'not-tested', 'rtr.MT-QUAD': 'not-tested', 'phase': '2'})
# ---------------------------------------------------------------- PH-3 and the MT-RTR criteria
ALLMET = {'rtr.red-flags': 'met', 'rtr.irritability': 'met', 'rtr.MT-WALK': 'met', 'rtr.MT-SLS': 'met', 'rtr.MT-CALF': 'met',
          'rtr.MT-BRIDGE': 'met', 'rtr.MT-HOP': 'met'}
case('ph3-all-met', 'PH-3: every criterion met, MT-QUAD not measured (does not count); not running now: walk-run from stage 1.',
     rtr(w(L, {'running-now': 'no'})), w(ALLMET, {'rtr.MT-QUAD': 'not-tested', 'phase': '3', 'running': 'RP-WALKRUN', 'running.detail': 'stage 1',
                                                  'lsi.MT-SLS': '100.0', 'no-running': 'no'}))
case('ph3-quad-70', 'MT-QUAD LSI exactly 70.0: met, phase 3.',
     rtr(w(L, sides('mt-quad-strength', 70, 100), {'mt-quad-unit': 'n'})), w(ALLMET, {'rtr.MT-QUAD': 'met', 'lsi.MT-QUAD': '70.0', 'phase': '3'}))
case('ph3-quad-69', 'MT-QUAD LSI 69.0 (measured): not met, phase 2.',
     rtr(w(L, sides('mt-quad-strength', 69, 100), {'mt-quad-unit': 'n'})), {'rtr.MT-QUAD': 'not-met', 'lsi.MT-QUAD': '69.0', 'phase': '2'})
case('ph3-quad-one-side', 'MT-QUAD measured on one side only: not tested, does not count: phase 3.',
     rtr(w(L, sides('mt-quad-strength', 50, None))), {'rtr.MT-QUAD': 'not-tested', 'phase': '3'})
case('ph3-walk-29', 'MT-WALK 29 minutes: not met, phase 2.', rtr(L, {'mt-walk-minutes': '29'}), {'rtr.MT-WALK': 'not-met', 'phase': '2'})
case('ph3-walk-45', 'MT-WALK 45 minutes with pain 2: met.', rtr(L, {'mt-walk-minutes': '45', 'mt-walk-pain': '2'}), {'rtr.MT-WALK': 'met', 'phase': '3'})
case('ph3-walk-pain-3', 'MT-WALK 30 minutes but pain 3 from minute 25: not met.',
     rtr(L, {'mt-walk-pain': '3', 'mt-walk-pain-minute': '25'}), {'rtr.MT-WALK': 'not-met', 'phase': '2'})
case('ph3-sls-9', 'MT-SLS 9 reps on one side: not met.', rtr(L, {('mt-sls-reps', 'right'): '9'}), {'rtr.MT-SLS': 'not-met', 'phase': '2'})
case('ph3-sls-pain-3', 'MT-SLS pain 3 on one side: not met.', rtr(L, {('mt-sls-pain', 'left'): '3'}), {'rtr.MT-SLS': 'not-met', 'phase': '2'})
case('ph3-sls-pain-2', 'MT-SLS pain 2 on both sides: met.', rtr(L, {('mt-sls-pain', 'left'): '2', ('mt-sls-pain', 'right'): '2'}), {'rtr.MT-SLS': 'met', 'phase': '3'})
a = rtr(L); del a[('mt-sls-pain', 'right')]
case('ph3-sls-pain-missing', 'MT-SLS pain not recorded on one side: not tested, counts as not met: phase 2.', a, {'rtr.MT-SLS': 'not-tested', 'phase': '2'})
case('ph3-calf-19', 'MT-CALF 19 on one side: not met.', rtr(L, {('mt-calf-reps', 'left'): '19'}), {'rtr.MT-CALF': 'not-met', 'phase': '2'})
case('ph3-calf-20', 'MT-CALF 20 each side: met.', rtr(L, {('mt-calf-reps', 'left'): '20', ('mt-calf-reps', 'right'): '20'}), {'rtr.MT-CALF': 'met', 'phase': '3'})
case('ph3-bridge-19', 'MT-BRIDGE 19 on one side: not met.', rtr(L, {('mt-bridge-reps', 'right'): '19'}), {'rtr.MT-BRIDGE': 'not-met', 'phase': '2'})
case('ph3-hop-9', 'MT-HOP 9 hops on one side: not met.', rtr(L, {('mt-hop-count', 'left'): '9'}), {'rtr.MT-HOP': 'not-met', 'phase': '2'})
case('ph3-hop-pain-3', 'MT-HOP pain 3: not met.', rtr(L, {('mt-hop-pain', 'left'): '3'}), {'rtr.MT-HOP': 'not-met', 'phase': '2'})
a = rtr(L); del a[('mt-hop-count', 'right')]; del a[('mt-hop-pain', 'right')]
case('ph3-hop-missing', 'MT-HOP not done on one side: not tested, phase 2.', a, {'rtr.MT-HOP': 'not-tested', 'phase': '2'})
case('ph3-running-exception', 'PH-3 with moderate irritability only from running pain 5 settled by the morning.',
     rtr(w(B, {'worst-pain': '5', 'pain-during-running': '5', 'pain-after-running': '4', 'pain-at-rest': '0'})),
     w(ALLMET, {'irritability': 'moderate', 'phase': '3', 'running': 'RP-WALKRUN'}))
# ---------------------------------------------------------------- PH-1
WALK = lambda mins, pain, minute=None: w({'mt-walk-minutes': str(mins), 'mt-walk-source': 'clinic', 'mt-walk-pain': str(pain)},
                                         {'mt-walk-pain-minute': str(minute)} if minute is not None else {})
case('ph1-walk-minute-9', 'PH-1: walking pain above 2 from minute 9.', w(B, WALK(20, 4, 9)), {'phase': '1', 'rtr.MT-WALK': 'not-met', 'running': 'RP-NONE'})
case('ph1-walk-minute-10', 'Not PH-1: walking pain above 2 only at minute 10.', w(B, WALK(20, 4, 10)), {'phase': '2', 'rtr.MT-WALK': 'not-met'})
case('ph1-walk-stopped', 'Not PH-1: walk stopped at 5 minutes for another reason, pain 1.', w(B, WALK(5, 1)), {'phase': '2', 'rtr.MT-WALK': 'not-met'})
case('ph1-walk-not-tested', 'Not PH-1: walking not tested.', B, {'phase': '2', 'rtr.MT-WALK': 'not-tested'})
case('ph1-walk-minute-0', 'PH-1: walking pain above 2 from the start (minute 0).', w(B, WALK(3, 5, 0)), {'phase': '1'})
case('ph1-rest-3-low', 'PH-1 by rest pain 3 even when every MT-RTR test passes.', rtr(w(L, {'pain-at-rest': '3'})), {'phase': '1'})
# ---------------------------------------------------------------- PH-FU
FU1 = lambda a: V1(a, '2026-11-10')
P2 = B                       # phase 2 at an initial visit
P1 = w(B, {'pain-at-rest': '3'})
P3 = rtr(L)
case('fu-cap-restriction', 'PH-FU rule 1: previous phase 3, every criterion still met, now RF-LOCKED: capped at 1.',
     None, {'phase': '1', 'phase.previous': '3', 'triage.reasons': 'RF-LOCKED'}, visits=[FU1(P3), V2(w(P3, {'locked-knee': 'yes'}))])
case('fu-cap-no-plan', 'PH-FU rule 1: previous phase 2, now RF-DVT: no plan.',
     None, {'phase': 'none', 'phase.previous': '2', 'plan.exercises': ''}, visits=[FU1(P2), V2(w(P2, {'calf-swelling': 'yes'}))])
case('fu-ph1-now', 'PH-FU rule 2: previous phase 3, now rest pain 3 and worst pain up by 2: PH-1 criteria win over the step back (which would give 2).',
     None, {'phase': '1', 'phase.previous': '3'}, visits=[FU1(P3), V2(w(P3, {'worst-pain': '5', 'pain-at-rest': '3', 'settle-time': '1-24h'}))])
case('fu-pain-rose-2', 'PH-FU rule 3: worst pain rose 4 -> 6: step back from 2 to 1.',
     None, {'phase': '1', 'followup': 'step-back', 'phase.previous': '2', 'worst-pain.change': '2.0', 'dose.step-down': 'no'},
     visits=[FU1(w(P2, {'worst-pain': '4'})), V2(w(P2, {'worst-pain': '6'}))])
case('fu-pain-rose-1', 'Not rule 3: worst pain rose only 1 (4 -> 5): hold.',
     None, {'phase': '2', 'followup': 'hold', 'phase.previous': '2', 'worst-pain.change': '1.0', 'dose.step-down': 'no'},
     visits=[FU1(w(P2, {'worst-pain': '4'})), V2(w(P2, {'worst-pain': '5'}))])
case('fu-pain-rose-from-3', 'PH-FU rule 3: previous phase 3, worst pain 3 -> 5 (criteria otherwise still met): step back to 2.',
     None, {'phase': '2', 'followup': 'step-back', 'phase.previous': '3'},
     visits=[FU1(P3), V2(w(P3, {'worst-pain': '5', 'pain-during-running': '5'}))])
case('fu-broken-2', 'PH-FU rule 3: LS-MONITOR broken in 2 sessions: step back from 3 to 2.',
     None, {'phase': '2', 'followup': 'step-back', 'phase.previous': '3', 'dose.step-down': 'no'},
     visits=[FU1(P3), V2(w(P3, {'monitor-broken-sessions': '2'}))])
case('fu-broken-1', 'PH-FU rule 4: broken in exactly 1 session: hold 2 with the dose down.',
     None, {'phase': '2', 'followup': 'hold', 'phase.previous': '2', 'dose.step-down': 'yes'},
     visits=[FU1(P2), V2(w(P2, {'monitor-broken-sessions': '1'}))])
case('fu-broken-1-before-progress', 'PH-FU rule 4 before rule 5: previous phase 1, PH-1 no longer met, but broken once: hold 1.',
     None, {'phase': '1', 'followup': 'hold', 'phase.previous': '1', 'dose.step-down': 'yes'},
     visits=[FU1(P1), V2(w(P2, {'monitor-broken-sessions': '1'}))])
case('fu-broken-1-phase3', 'PH-FU rule 4 with every criterion met: hold 3, dose down.',
     None, {'phase': '3', 'followup': 'hold', 'dose.step-down': 'yes'}, visits=[FU1(P3), V2(w(P3, {'monitor-broken-sessions': '1'}))])
case('fu-rose-before-hold', 'Rule 3 before rule 4: worst pain up 2 and broken once: step back, not hold.',
     None, {'phase': '1', 'followup': 'step-back', 'dose.step-down': 'no'},
     visits=[FU1(w(P2, {'worst-pain': '3'})), V2(w(P2, {'worst-pain': '5', 'monitor-broken-sessions': '1'}))])
case('fu-step-back-floor', 'Rule 3 from phase 1: max(1, 0) = 1.',
     None, {'phase': '1', 'followup': 'step-back', 'phase.previous': '1'},
     visits=[FU1(w(P1, {'worst-pain': '4'})), V2(w(P2, {'worst-pain': '6'}))])
case('fu-progress-1-2', 'PH-FU rule 5: previous phase 1, PH-1 criteria no longer met: progress to 2.',
     None, {'phase': '2', 'followup': 'progress', 'phase.previous': '1'}, visits=[FU1(P1), V2(P2)])
case('fu-progress-2-3', 'PH-FU rule 5: previous phase 2, every MT-RTR criterion now met: progress to 3.',
     None, {'phase': '3', 'followup': 'progress', 'phase.previous': '2', 'running': 'RP-WALKRUN'}, visits=[FU1(P2), V2(P3)])
case('fu-hold', 'PH-FU rule 6: nothing changes: hold 2.',
     None, {'phase': '2', 'followup': 'hold', 'phase.previous': '2', 'dose.step-down': 'no'}, visits=[FU1(P2), V2(P2)])
case('fu-no-skip', 'PH-FU rule 5 progresses one step: from phase 1 with every MT-RTR criterion met, to 2 (not 3).',
     None, {'phase': '2', 'followup': 'progress', 'phase.previous': '1'}, visits=[FU1(P1), V2(P3)])
case('fu-previous-override', 'P is the previous phase after its override (3); broken once: hold 3.',
     None, {'phase': '3', 'phase.previous': '3', 'followup': 'hold', 'dose.step-down': 'yes'},
     visits=[(('2026-11-10'), 'initial', P2, [('phase', '3', 'Tolerates hopping and running drills well.')], 'final'),
             V2(w(P2, {'monitor-broken-sessions': '1'}))])
case('fu-three-visits', 'Three visits: 1 (worst 7) -> 2 -> 3; P is the computed phase of the middle visit.',
     None, {'phase': '3', 'phase.previous': '2', 'followup': 'progress', 'worst-pain.change': '-2.0'},
     visits=[FU1(w(B, {'worst-pain': '7'})), V2(B, d='2026-11-17'), V2(rtr(low(**{'worst-pain': '3'})))])
case('fu-phase-override-now', 'A phase override at the judged follow-up: phase 3 printed, phase.computed 2.',
     None, {'phase': '3', 'phase.computed': '2'}, visits=[FU1(P2), V2(P2, [('phase', '3', 'Ready to start walk-run.')])])
# ---------------------------------------------------------------- PH-DONE
DONE = lambda hl, hr, **kw: w(rtr(L), sides('mt-hopdist-cm', hl, hr), {'usual-volume-reached': 'yes'}, {k.replace('_', '-'): v for k, v in kw.items()})
case('done-yes', 'PH-DONE: phase 3, hop distance LSI 95.0, quad not measured, usual volume reached.',
     None, {'phase': '3', 'phase.done': 'yes', 'plan.maintenance': 'yes', 'lsi.MT-HOPDIST': '95.0'}, visits=[FU1(P3), V2(DONE(190, 200))])
case('done-90', 'PH-DONE: hop distance LSI exactly 90.0.', None, {'phase.done': 'yes', 'lsi.MT-HOPDIST': '90.0'}, visits=[FU1(P3), V2(DONE(180, 200))])
case('done-hopdist-89', 'Not PH-DONE: hop distance LSI 89.0.', None, {'phase.done': 'no', 'plan.maintenance': 'no'}, visits=[FU1(P3), V2(DONE(178, 200))])
case('done-quad-85', 'Not PH-DONE: quad measured, LSI 85.0.', None, {'phase.done': 'no', 'lsi.MT-QUAD': '85.0'},
     visits=[FU1(P3), V2(w(DONE(190, 200), sides('mt-quad-strength', 85, 100)))])
case('done-volume-no', 'Not PH-DONE: usual volume not reached.', None, {'phase.done': 'no'},
     visits=[FU1(P3), V2(DONE(190, 200, usual_volume_reached='no'))])
case('done-monitor-broken', 'Not PH-DONE: usual volume reached but not within LS-MONITOR (next morning worse).', None, {'phase.done': 'no', 'monitor': 'broken'},
     visits=[FU1(P3), V2(DONE(190, 200, next_morning='worse'))])
# ---------------------------------------------------------------- presentation
SC = lambda p, i, t, a: f'PR-PFP={p} PR-ITBS={i} PR-PT={t} PR-APOPHYSITIS={a}'
case('pr-unclear', 'One PR-PFP feature: top score under 2: unclear.', w(B, {'pain-location': 'around-kneecap'}),
     {'presentation': 'unclear', 'presentation.scores': SC(1, 0, 0, 0)})
case('pr-pfp-possible', 'PR-PFP 2: possible.', w(B, {'pain-location': 'around-kneecap', 'pain-squatting': '3'}),
     {'presentation': 'PR-PFP possible', 'presentation.scores': SC(2, 0, 0, 0), 'monitor.rule': 'pfp'})
case('pr-pfp-likely', 'PR-PFP 3: likely.', w(B, {'pain-location': 'around-kneecap', 'pain-squatting': '3', 'pain-stairs-up': '2'}),
     {'presentation': 'PR-PFP likely', 'presentation.scores': SC(3, 0, 0, 0)})
case('pr-stairs-once', 'Stairs up and down are one feature ("stairs provoke it"): PR-PFP 2.',
     w(B, {'pain-location': 'around-kneecap', 'pain-stairs-up': '2', 'pain-stairs-down': '3'}),
     {'presentation': 'PR-PFP possible', 'presentation.scores': SC(2, 0, 0, 0)})
case('pr-provokes-zero', 'An activity at 0 does not provoke: PR-PFP 1, unclear.',
     w(B, {'pain-location': 'around-kneecap', 'pain-squatting': '0', 'pain-stairs-up': '0', 'pain-sitting': '0'}),
     {'presentation': 'unclear', 'presentation.scores': SC(1, 0, 0, 0), 'monitor.rule': 'general'})
case('pr-provokes-one', 'An activity at 1 provokes: squatting 1 and sitting 1: PR-PFP 2.',
     w(B, {'pain-squatting': '1', 'pain-sitting': '1'}), {'presentation': 'PR-PFP possible', 'presentation.scores': SC(2, 0, 0, 0)})
case('pr-mixed-tie', 'PFP 3 and ITBS 3: mixed, table order on a tie.',
     w(B, {'pain-location': 'around-kneecap lateral', 'pain-squatting': '3', 'pain-sitting': '2', 'running-pain-pattern': 'consistent-point', 'pain-cambered': '3'}),
     {'presentation': 'mixed PR-PFP PR-ITBS', 'presentation.scores': SC(3, 3, 0, 0), 'monitor.rule': 'pfp'})
case('pr-mixed-itbs-first', 'ITBS 3 and PFP 2: mixed, the higher score first.',
     w(B, {'pain-location': 'around-kneecap lateral', 'pain-squatting': '3', 'running-pain-pattern': 'consistent-point', 'pain-cambered': '3'}),
     {'presentation': 'mixed PR-ITBS PR-PFP', 'presentation.scores': SC(2, 3, 0, 0), 'monitor.rule': 'pfp'})
case('pr-mixed-2-2', 'PFP 2 and PT 2: mixed.',
     w(B, {'pain-location': 'around-kneecap lower-kneecap', 'pain-squatting': '3', 'pain-jumping': '3'}),
     {'presentation': 'mixed PR-PFP PR-PT', 'presentation.scores': SC(2, 0, 2, 0)})
case('pr-not-mixed-gap-2', 'PFP 4 and ITBS 2: not within 1: PR-PFP likely.',
     w(B, {'pain-location': 'around-kneecap lateral', 'pain-squatting': '3', 'pain-sitting': '2', 'pain-kneeling': '2', 'mt-noble': None} if False else
       w(B, {'pain-location': 'around-kneecap lateral', 'pain-squatting': '3', 'pain-sitting': '2', 'pain-kneeling': '2'}, sides('mt-noble', 'positive', None))),
     {'presentation': 'PR-PFP likely', 'presentation.scores': SC(4, 2, 0, 0)})
case('pr-second-1', 'PFP 2 and ITBS 1: PR-PFP possible.', w(B, {'pain-location': 'around-kneecap lateral', 'pain-squatting': '3'}),
     {'presentation': 'PR-PFP possible', 'presentation.scores': SC(2, 1, 0, 0)})
case('pr-downhill-shared', 'Downhill counts for PFP and ITBS; hills and downhill together are one PFP feature.',
     w(B, {'pain-location': 'lateral', 'pain-running-downhill': '3', 'pain-hills': '2'}),
     {'presentation': 'PR-ITBS possible', 'presentation.scores': SC(1, 2, 1, 0)})
case('pr-itbs-one-feature', 'Downhill and cambered together are one ITBS feature: ITBS 2 (lateral + that).',
     w(B, {'pain-location': 'lateral', 'pain-running-downhill': '3', 'pain-cambered': '3'}),
     {'presentation': 'PR-ITBS possible', 'presentation.scores': SC(1, 2, 0, 0)})
case('pr-pt-likely', 'PR-PT 4: lower tip, jumping, warms up, decline squat painful at the tendon.',
     w(B, {'pain-location': 'lower-kneecap', 'pain-jumping': '4', 'running-pain-pattern': 'warms-up'}, sides('mt-decline-pain', 4, None), sides('mt-decline-site', 'tendon', None)),
     {'presentation': 'PR-PT likely', 'presentation.scores': SC(0, 0, 4, 0), 'monitor.rule': 'general'})
case('pr-decline-elsewhere', 'Decline squat painful elsewhere does not count for PR-PT.',
     w(B, {'pain-location': 'lower-kneecap'}, sides('mt-decline-pain', 4, None), sides('mt-decline-site', 'elsewhere', None)),
     {'presentation': 'unclear', 'presentation.scores': SC(0, 0, 1, 0)})
case('pr-noble', 'MT-NOBLE positive adds to ITBS.', w(B, {'pain-location': 'lateral'}, sides('mt-noble', 'positive', 'negative')),
     {'presentation': 'PR-ITBS possible', 'presentation.scores': SC(0, 2, 0, 0), 'monitor.rule': 'general'})
case('pr-sls-pain-2', 'Familiar pain 2 on MT-SLS adds to PFP.', w(B, {'pain-location': 'around-kneecap'}, sides('mt-sls-reps', 10, 10), sides('mt-sls-pain', 2, 0)),
     {'presentation': 'PR-PFP possible', 'presentation.scores': SC(2, 0, 0, 0)})
case('pr-sls-pain-1', 'Familiar pain 1 on MT-SLS does not add to PFP.', w(B, {'pain-location': 'around-kneecap'}, sides('mt-sls-reps', 10, 10), sides('mt-sls-pain', 1, 0)),
     {'presentation': 'unclear', 'presentation.scores': SC(1, 0, 0, 0)})
case('pr-stepdown-pain-sls-pain', 'MT-SLS and MT-STEPDOWN both painful: one PFP feature.',
     w(B, {'pain-location': 'around-kneecap'}, sides('mt-sls-pain', 3, 0), sides('mt-stepdown-pain', 3, 0)),
     {'presentation': 'PR-PFP possible', 'presentation.scores': SC(2, 0, 0, 0)})
case('pr-injury-cap', 'An injury in this episode caps PR-PFP 4 at possible.',
     w(B, INJ(D50, 'blow'), {'pain-location': 'around-kneecap', 'pain-squatting': '3', 'pain-stairs-down': '3', 'pain-sitting': '2'}),
     {'presentation': 'PR-PFP possible', 'presentation.scores': SC(4, 0, 0, 0), 'triage': 'none'})
case('pr-apo-replaces-pt', 'Age 12: PR-APOPHYSITIS 2 (pain and tenderness at the lower tip) takes the place of PR-PT.',
     w(B, {'pain-location': 'lower-kneecap', 'tender-lower-pole': 'yes', 'pain-jumping': '4'}), {'presentation': 'PR-APOPHYSITIS possible'}, birth='2014-05-01')
case('pr-apo-age-17', 'Age 17 (birthday today): no apophysitis: PR-PT possible.',
     w(B, {'pain-location': 'lower-kneecap', 'tender-lower-pole': 'yes', 'pain-jumping': '4'}),
     {'presentation': 'PR-PT possible', 'presentation.scores': SC(0, 0, 2, 0)}, birth='2009-11-24')
case('pr-apo-age-9', 'Age 9 (birthday today): Osgood-Schlatter pattern, PR-APOPHYSITIS possible.',
     w(B, {'pain-location': 'tibial-tuberosity', 'tender-tibial-tuberosity': 'yes'}),
     {'presentation': 'PR-APOPHYSITIS possible', 'presentation.scores': SC(0, 0, 0, 2)}, birth='2017-11-24')
case('pr-apo-age-8', 'Age 8 (9 tomorrow): no apophysitis.',
     w(B, {'pain-location': 'tibial-tuberosity', 'tender-tibial-tuberosity': 'yes'}),
     {'presentation': 'unclear', 'presentation.scores': SC(0, 0, 0, 0)}, birth='2017-11-25')
case('pr-apo-age-16', 'Age 16: Osgood-Schlatter pattern, PR-APOPHYSITIS possible.',
     w(B, {'pain-location': 'tibial-tuberosity', 'tender-tibial-tuberosity': 'yes'}),
     {'presentation': 'PR-APOPHYSITIS possible', 'presentation.scores': SC(0, 0, 0, 2)}, birth='2009-11-25')
case('pr-apo-one', 'Age 12: apophysitis scores 1 (pain at the lower tip, no tenderness recorded): below 2, so PR-PT 2 (lower tip, jumping) stays.',
     w(B, {'pain-location': 'lower-kneecap', 'pain-jumping': '4'}),
     {'presentation': 'PR-PT possible'}, birth='2014-05-01')
case('pr-apo-with-pfp', 'Age 12: apophysitis 2 against PFP 3: mixed, PFP first.',
     w(B, {'pain-location': 'tibial-tuberosity around-kneecap', 'tender-tibial-tuberosity': 'yes', 'pain-squatting': '3', 'pain-kneeling': '4'}),
     {'presentation': 'mixed PR-PFP PR-APOPHYSITIS', 'presentation.scores': SC(3, 0, 0, 2)}, birth='2014-05-01')
case('pr-referred-yes', 'No knee test reproduces the familiar pain: referred-screen yes.',
     w(B, {'pain-location': 'around-kneecap', 'mt-squat-depth': 'full', 'mt-squat-pain': '0'}, WALK(30, 0), sides('mt-sls-reps', 10, 10),
       sides('mt-sls-pain', 0, 0), sides('mt-stepdown-score', 1, 1), sides('mt-stepdown-pain', 0, 0)), {'referred-screen': 'yes'})
case('pr-referred-no', 'MT-SLS reproduces the familiar pain: referred-screen no.',
     w(B, {'pain-location': 'around-kneecap', 'mt-squat-depth': 'full', 'mt-squat-pain': '0'}, sides('mt-sls-reps', 10, 10), sides('mt-sls-pain', 3, 0)),
     {'referred-screen': 'no'})
# ---------------------------------------------------------------- LS-MONITOR
MON = lambda state, rule: {'monitor': state, 'monitor.rule': rule}
case('mon-general-holds', 'LS-MONITOR general: during 5, after 5, settles 1-24 h, next morning same: holds.',
     w(B, {'pain-during-running': '5', 'pain-after-running': '5'}), MON('holds', 'general'))
case('mon-general-during-6', 'LS-MONITOR broken: pain during 6.', w(B, {'worst-pain': '6', 'pain-during-running': '6', 'pain-after-running': '4'}), MON('broken', 'general'))
case('mon-general-after-6', 'LS-MONITOR broken: pain after 6.', w(B, {'worst-pain': '6', 'pain-during-running': '3', 'pain-after-running': '6'}), MON('broken', 'general'))
case('mon-general-morning', 'LS-MONITOR broken: next morning worse.', w(B, {'pain-during-running': '3', 'next-morning': 'worse'}), MON('broken', 'general'))
case('mon-general-rising', 'LS-MONITOR broken: pain rising week on week.', w(B, {'pain-during-running': '3', 'pain-rising': 'yes'}), MON('broken', 'general'))
PFP3 = {'pain-location': 'around-kneecap', 'pain-squatting': '3', 'pain-sitting': '3'}
case('mon-pfp-settle', 'The patellofemoral rule: back to usual within 60 minutes; settling 1-24 h breaks it.',
     w(B, PFP3, {'pain-during-running': '4', 'pain-after-running': '4'}), MON('broken', 'pfp'))
case('mon-pfp-holds', 'The patellofemoral rule holds: during 5, settles under 1 h, next morning same.',
     w(B, PFP3, {'pain-during-running': '5', 'settle-time': 'under-1h'}), MON('holds', 'pfp'))
case('mon-pfp-during-6', 'The patellofemoral rule: during 6 breaks it.',
     w(B, PFP3, {'worst-pain': '6', 'pain-during-running': '6', 'settle-time': 'under-1h'}), MON('broken', 'pfp'))
# ---------------------------------------------------------------- running plan
G = {'pain-location': 'lateral'}   # no PFP: the general monitor rule
case('rp-ph1-none', 'RP-NONE in phase 1.', w(B, {'pain-at-rest': '3', 'longest-run-30d': '10'}), {'phase': '1', 'running': 'RP-NONE', 'running.detail': 'none'})
case('rp-modify-keep', 'RP-MODIFY keep (monitor holds); spike limit 15 km -> 16.5 km.',
     w(B, G, {'pain-during-running': '3', 'pain-after-running': '3', 'longest-run-30d': '15'}),
     {'phase': '2', 'monitor': 'holds', 'running': 'RP-MODIFY', 'running.detail': 'keep', 'spike.limit': '16.5 km'})
case('rp-not-running-ph2', 'Phase 2, not running now: RP-NONE until phase 3.', w(B, G, {'running-now': 'no', 'longest-run-30d': '8'}),
     {'phase': '2', 'running': 'RP-NONE', 'running.detail': 'none'})
case('rp-modify-shortened-min', 'RP-MODIFY broken: pain from 30 minutes: shortened to 22.5 min.',
     w(B, G, {'worst-pain': '6', 'pain-during-running': '6', 'pain-onset-minutes': '30', 'longest-run-30d': '10'}),
     {'monitor': 'broken', 'running': 'RP-MODIFY', 'running.detail': 'shortened 22.5 min', 'spike.limit': '11.0 km'})
case('rp-modify-shortened-both', 'RP-MODIFY broken: pain from 40 minutes and 5 km: shortened 30 min 3.75 km.',
     w(B, G, {'worst-pain': '6', 'pain-during-running': '6', 'pain-onset-minutes': '40', 'pain-onset-km': '5'}),
     {'running': 'RP-MODIFY', 'running.detail': 'shortened 30 min 3.75 km'})
case('rp-modify-shortened-km', 'RP-MODIFY broken: pain from 6 km (minutes not recorded): shortened 4.5 km.',
     w(B, G, {'worst-pain': '6', 'pain-during-running': '6', 'pain-onset-km': '6'}), {'running': 'RP-MODIFY', 'running.detail': 'shortened 4.5 km'})
case('rp-modify-paused-10', 'RP-MODIFY broken with pain starting at 10 minutes (within 10): paused.',
     w(B, G, {'worst-pain': '6', 'pain-during-running': '6', 'pain-onset-minutes': '10'}), {'running': 'RP-MODIFY', 'running.detail': 'paused'})
case('rp-modify-11', 'RP-MODIFY broken with pain starting at 11 minutes: shortened 8.25 min.',
     w(B, G, {'worst-pain': '6', 'pain-during-running': '6', 'pain-onset-minutes': '11'}), {'running': 'RP-MODIFY', 'running.detail': 'shortened 8.25 min'})
case('rp-modify-paused-morning', 'RP-MODIFY broken by a worse next morning: paused.',
     w(B, G, {'pain-during-running': '3', 'pain-onset-minutes': '30', 'next-morning': 'worse'}), {'running': 'RP-MODIFY', 'running.detail': 'paused'})
case('rp-modify-75', 'RP-MODIFY broken, where pain starts not recorded: shortened 75%.',
     w(B, G, {'worst-pain': '6', 'pain-during-running': '6'}), {'running': 'RP-MODIFY', 'running.detail': 'shortened 75%'})
case('rp-spike-half-up', 'RP-SPIKE: 7.5 km x 1.1 = 8.25, rounded down so that no run is more than 10 % longer: 8.2 km (8.3 would be 10.7 % over).',
     w(B, G, {'pain-during-running': '3', 'longest-run-30d': '7.5'}), {'running': 'RP-MODIFY', 'spike.limit': '8.2 km'})
case('rp-spike-half-up-17', 'RP-SPIKE: 17.5 km -> 19.25 -> 19.2 km, never over 10 %.',
     w(B, G, {'pain-during-running': '3', 'longest-run-30d': '17.5'}), {'spike.limit': '19.2 km'})
case('rp-walkrun-stage5', 'RP-WALKRUN from stage 5: runs 20 minutes continuously within LS-MONITOR.',
     rtr(w(L, {'continuous-run-minutes': '20', 'pain-during-running': '2', 'longest-run-30d': '5'})),
     {'phase': '3', 'running': 'RP-WALKRUN', 'running.detail': 'stage 5', 'spike.limit': '5.5 km'})
case('rp-walkrun-19', 'RP-WALKRUN from stage 1: 19 continuous minutes.',
     rtr(w(L, {'continuous-run-minutes': '19', 'pain-during-running': '2'})), {'phase': '3', 'running': 'RP-WALKRUN', 'running.detail': 'stage 1'})
case('rp-walkrun-20-broken', 'RP-WALKRUN from stage 1: 25 continuous minutes but pain rising week on week (not within LS-MONITOR).',
     rtr(w(L, {'continuous-run-minutes': '25', 'pain-during-running': '2', 'pain-rising': 'yes'})),
     {'phase': '3', 'monitor': 'broken', 'running': 'RP-WALKRUN', 'running.detail': 'stage 1'})
# ---------------------------------------------------------------- overrides
case('ov-no-running-phase-3', 'RF-BONE-STRESS with the phase overridden to 3: no running holds.',
     w(B, {'bone-tenderness': 'yes', 'low-energy': 'yes'}),
     {'phase': '3', 'phase.computed': '1', 'no-running': 'yes', 'running': 'RP-NONE', 'triage': 'urgent'},
     overrides=[('phase', '3', 'Imaging clear; continue strength work.')])
case('ov-hip-phase-2', 'RF-HIP-STRESS with the phase overridden to 2 while running now: still RP-NONE.',
     w(B, {'groin-pain-weight-bearing': 'yes', 'hop-pain': 'yes'}),
     {'phase': '2', 'phase.computed': '1', 'no-running': 'yes', 'running': 'RP-NONE'}, overrides=[('phase', '2', 'Seen by the GP; capacity work allowed.')])
case('ov-urgent-phase-2', 'RF-LOCKED (phase 1 only, running allowed) with the phase overridden to 2: RP-MODIFY for a runner.',
     w(B, G, {'locked-knee': 'yes', 'pain-during-running': '3'}),
     {'phase': '2', 'phase.computed': '1', 'no-running': 'no', 'running': 'RP-MODIFY', 'restriction': 'phase-1-only'},
     overrides=[('phase', '2', 'MRI normal; locking episodes resolved.')])
case('ov-triage-raise', 'Raising the triage needs no reason.', B, {'triage': 'urgent', 'triage.computed': 'none'}, overrides=[('triage', 'urgent', '')])
case('ov-triage-lower-reason', 'Lowering the triage with a reason is allowed.', w(B, {'locked-knee': 'yes'}),
     {'triage': 'routine', 'triage.computed': 'urgent', 'triage.reasons': 'RF-LOCKED'}, overrides=[('triage', 'routine', 'Seen by the knee clinic last week.')])
case('ov-presentation', 'A presentation override is printed, with the computed one.', w(B, {'pain-location': 'lateral'}),
     {'presentation': 'PR-ITBS possible', 'presentation.computed': 'unclear'}, overrides=[('presentation', 'PR-ITBS possible', 'Noble test positive at the previous clinic.')])
