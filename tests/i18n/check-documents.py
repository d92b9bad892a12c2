#!/usr/bin/env python3
"""The printed documents in German and Spanish, as stride-cli writes them.

For de and es: the home exercise sheet (the patient's language, from --lang or
from the document) and the clinician report (the clinician's locale) must hold
translated text and none of the English sentences of the clinical content
(exercises, education, protocol, sheet and report wording) whose translation
differs; dates and decimal numbers must be written the locale's way; with the
paper size automatic, de_DE and es_ES print on A4 and en_US on Letter.

Usage: check-documents.py SOURCE_ROOT     (STRIDE_CLI, STRIDE_LOCALEDIR from the environment)
Prints TAP.
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = sys.argv[1]
CLI = os.environ['STRIDE_CLI']
CASES = os.path.join(ROOT, 'tests', 'cases')

# Where the English text of the clinical content and the documents comes from.
CLINICAL_SOURCES = ('data/exercises/', 'data/education.xml', 'data/protocol/',
                    'src/report/', 'src/core/stride-engine.c', 'src/core/stride-planner.c',
                    'src/core/stride-plan.c')

MONTHS = {
    'de': 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember',
    'es': 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre',
}
LONG_DATE = {
    'de': r'\b\d{1,2}\. (?:%s) \d{4}\b' % MONTHS['de'],
    'es': r'\b\d{1,2} de (?:%s) de \d{4}\b' % MONTHS['es'],
}
ENGLISH_DATE = (r'\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|'
                r'October|November|December) \d{4}\b')
# Words on each document that only a translation can have put there.
EXPECTED = {
    ('sheet', 'de'): ['Ihre Übungen', 'Ihre Schmerzregeln', 'Gehen Sie zum Arzt, wenn'],
    ('sheet', 'es'): ['Tus ejercicios', 'Tus reglas del dolor', 'Ve al médico si'],
    ('report', 'de'): ['Therapiebericht', 'Kriterien für den Wiedereinstieg ins Laufen',
                       'Übungsplan'],
    ('report', 'es'): ['Informe clínico', 'Criterios de vuelta a la carrera',
                       'Plan de ejercicios'],
    ('referral', 'de'): ['Rufen Sie jetzt den Rettungsdienst', 'Überweisungshinweis'],
    ('referral', 'es'): ['Llama ahora a una ambulancia', 'Aviso de derivación'],
    ('red-flag report', 'de'): ['Mögliche tiefe Venenthrombose', 'Einschränkung: kein Übungsplan'],
    ('red-flag report', 'es'): ['Posible trombosis venosa profunda',
                                'restricción: sin plan de ejercicios'],
}
LOCALES = {'de': 'de_DE.UTF-8', 'es': 'es_ES.UTF-8'}

results = []


def ok(cond, name, detail=''):
    results.append((bool(cond), name, detail))


def po_entries(path):
    """(msgid, msgstrs, source files) for each translated entry of a .po file."""
    text = open(path, encoding='utf-8').read()
    for block in re.split(r'\n\s*\n', text):
        lines = [l for l in block.strip().splitlines() if not l.startswith('#~')]
        refs, fields, key = [], {}, None
        for line in lines:
            if line.startswith('#:'):
                refs += [r.rsplit(':', 1)[0] for r in line[2:].split()]
            elif line.startswith('#'):
                continue
            else:
                m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
                if m:
                    key = m.group(1)
                    fields[key] = m.group(2)
                elif key and line.startswith('"'):
                    fields[key] += line[1:-1]
        msgid = fields.get('msgid', '')
        if not msgid:
            continue
        unescape = lambda s: s.replace('\\n', ' ').replace('\\"', '"').replace('\\\\', '\\')
        strs = [unescape(v) for k, v in fields.items() if k.startswith('msgstr')]
        yield unescape(msgid), strs, refs


def english_leftovers(lang):
    """The English clinical sentences that must not be on a document in @lang."""
    entries = list(po_entries(os.path.join(ROOT, 'po', f'{lang}.po')))
    all_translations = ' '.join(s for _, strs, _ in entries for s in strs)
    words = []
    for msgid, strs, refs in entries:
        if not any(r.startswith(CLINICAL_SOURCES) for r in refs):
            continue
        # Whole sentences and names only: short words ("Rest", "LSI") can be
        # the same in every language, and formats print differently filled in.
        if '%' in msgid or '<' in msgid or len(msgid) < 12 or ' ' not in msgid.strip():
            continue
        if msgid in all_translations:
            continue
        words.append(msgid.strip())
    return words


def pdf_text(path):
    out = subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], capture_output=True,
                         text=True, check=True).stdout
    return re.sub(r'\s+', ' ', out)


def page_size(path):
    out = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True).stdout
    m = re.search(r'Page size:\s+([\d.]+) x ([\d.]+) pts', out)
    return (round(float(m.group(1))), round(float(m.group(2)))) if m else None


def run_cli(args, locale, tmp, language=None):
    env = dict(os.environ, LC_ALL=locale)
    env.pop('LANGUAGE', None)
    if language:
        env['LANGUAGE'] = language
    env['HOME'] = tmp
    r = subprocess.run([CLI] + args + ['--date', '2026-11-24T10:00:00Z'], env=env,
                       capture_output=True, text=True)
    return r


def document(kind, case, lang, locale, tmp, extra=(), language=None):
    out = os.path.join(tmp, f'{kind}-{os.path.basename(case)}-{lang}-{locale}-{language}.pdf')
    command = 'report' if kind == 'report' else 'sheet'
    r = run_cli([command, case, '-o', out] + list(extra), locale, tmp, language)
    if r.returncode != 0:
        ok(False, f'{command} {os.path.basename(case)} ({lang}, {locale}) is written',
           r.stderr.strip())
        return None
    return out


def check_language(name, text, kind, lang, leftovers):
    for word in EXPECTED[(kind, lang)]:
        ok(word in text, f'{name}: has “{word}”')
    found = [w for w in leftovers if w in text]
    ok(not found, f'{name}: no English clinical text left',
       '; '.join(f'“{w}”' for w in found[:10]))
    ok(re.search(LONG_DATE[lang], text), f'{name}: dates written the {lang} way')
    ok(not re.search(ENGLISH_DATE, text), f'{name}: no English date',
       ', '.join(re.findall(ENGLISH_DATE, text)[:3]))


def main():
    with tempfile.TemporaryDirectory(prefix='stride-docs-') as tmp:
        typical = os.path.join(CASES, 'typical-pfp.xml')
        followup = os.path.join(CASES, 'followup-progress.xml')
        emergency = os.path.join(CASES, 'pe-ambulance.xml')

        for lang in ('de', 'es'):
            leftovers = english_leftovers(lang)
            ok(len(leftovers) > 100, f'{lang}: a list of English clinical sentences to look for',
               f'only {len(leftovers)}')

            # The sheet in the patient's language, asked for from a C locale.
            pdf = document('sheet', typical, lang, 'C.UTF-8', tmp, ['--lang', lang])
            if pdf:
                check_language(f'sheet --lang {lang}', pdf_text(pdf), 'sheet', lang, leftovers)

            # The patient's language from the document, the interface in English.
            doc = os.path.join(tmp, f'typical-{lang}.xml')
            with open(typical, encoding='utf-8') as f:
                text = f.read()
            with open(doc, 'w', encoding='utf-8') as f:
                f.write(re.sub(r'<language>[^<]*</language>', f'<language>{lang}</language>',
                               text, count=1))
            pdf = document('sheet', doc, lang, 'C.UTF-8', tmp)
            if pdf:
                check_language(f'sheet, patient language {lang}', pdf_text(pdf), 'sheet', lang,
                               leftovers)

            # The referral notice that replaces the sheet in an emergency.
            pdf = document('sheet', emergency, lang, 'C.UTF-8', tmp, ['--lang', lang])
            if pdf:
                text = pdf_text(pdf)
                for word in EXPECTED[('referral', lang)]:
                    ok(word in text, f'referral notice --lang {lang}: has “{word}”')
                found = [w for w in leftovers if w in text]
                ok(not found, f'referral notice --lang {lang}: no English clinical text left',
                   '; '.join(f'“{w}”' for w in found[:10]))

            # The report in the clinician's language, whatever the patient's.
            for case in (typical, followup):
                pdf = document('report', case, lang, LOCALES[lang], tmp)
                if not pdf:
                    continue
                name = f'report {os.path.basename(case)} under {LOCALES[lang]}'
                text = pdf_text(pdf)
                check_language(name, text, 'report', lang, leftovers)
                if case == followup:
                    # The LSIs of this case have one decimal: 91.7 % and so on.
                    ok(re.search(r'\b\d{2,3},\d\b', text), f'{name}: decimal comma')
                    ok(not re.search(r'\b\d{2,3}\.\d\s?%', text), f'{name}: no decimal point',
                       ', '.join(re.findall(r'\b\d{2,3}\.\d\s?%', text)[:3]))
            # A red flag in the report: its level and restriction in words.
            pdf = document('report', os.path.join(CASES, 'dvt.xml'), lang, LOCALES[lang], tmp)
            if pdf:
                text = pdf_text(pdf)
                for word in EXPECTED[('red-flag report', lang)]:
                    ok(word in text, f'report dvt.xml under {LOCALES[lang]}: has “{word}”')
                english = re.findall(r'\b(?:referral|restriction|urgent|emergency)\b', text)
                ok(not english, f'report dvt.xml under {LOCALES[lang]}: no English level words',
                   ', '.join(english[:5]))

            pdf = document('sheet', doc, lang, 'en_US.UTF-8', tmp)
            if pdf:
                check_language(f'sheet, patient language {lang}, interface en_US', pdf_text(pdf),
                               'sheet', lang, leftovers)
            # The clinician's LANGUAGE (glibc lets it override an in-process
            # locale) must not leak into the patient's sheet.
            other = 'es' if lang == 'de' else 'de'
            pdf = document('sheet', doc, lang, LOCALES[other], tmp, language=other)
            if pdf:
                check_language(f'sheet, patient language {lang}, LANGUAGE={other}',
                               pdf_text(pdf), 'sheet', lang, leftovers)

        # Paper follows the locale when it is automatic (the default).
        for locale, size, name in (('de_DE.UTF-8', (595, 842), 'A4'),
                                   ('es_ES.UTF-8', (595, 842), 'A4'),
                                   ('en_US.UTF-8', (612, 792), 'Letter')):
            for kind in ('sheet', 'report'):
                pdf = document(kind, typical, locale, locale, tmp)
                if pdf:
                    got = page_size(pdf)
                    ok(got == size, f'{kind} under {locale}: {name} paper', f'got {got} pt')

    print(f'1..{len(results)}')
    for i, (good, name, detail) in enumerate(results, 1):
        print(f'{"ok" if good else "not ok"} {i} - {name}')
        if not good and detail:
            print(f'# {detail}')
    return 0 if all(g for g, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
