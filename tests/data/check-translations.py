#!/usr/bin/env python3
"""Fails when a language of po/LINGUAS has a message untranslated or fuzzy.

A fresh catalogue is extracted from the sources (POTFILES.in, the ITS rules of
data/its, the same xgettext arguments as po/meson.build) into a temporary
directory and each .po is merged with it there, so a .po that has not kept up
with the sources fails even when it is complete against an old stride.pot.
The source tree is never written.

Usage: check-translations.py SOURCE_ROOT ITS_DATA_DIR [XGETTEXT_ARG...]
"""
import os
import re
import subprocess
import sys
import tempfile

# meson's i18n 'glib' preset (mesonbuild/modules/i18n.py), which po/meson.build uses.
GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def entries(po_text):
    """Yields (flags, msgctxt, msgid, msgstrs) for each entry of a .po file."""
    for block in re.split(r'\n\s*\n', po_text):
        lines = block.strip().splitlines()
        if not lines or all(l.startswith('#~') for l in lines if l.strip()):
            continue
        flags, fields, key = set(), {}, None
        for line in lines:
            if line.startswith('#,'):
                flags |= {f.strip() for f in line[2:].split(',')}
            elif line.startswith('#'):
                continue
            else:
                m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
                if m:
                    key = m.group(1)
                    fields[key] = m.group(2)
                elif key and line.startswith('"'):
                    fields[key] += line[1:-1]
        if 'msgid' not in fields or fields['msgid'] == '':
            continue
        strs = [v for k, v in fields.items() if k.startswith('msgstr')]
        yield flags, fields.get('msgctxt'), fields['msgid'], strs


def main():
    root, its_dir = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]
    po_dir = os.path.join(root, 'po')
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
        langs = [w for line in f if not line.lstrip().startswith('#') for w in line.split()]
    if not langs:
        print('po/LINGUAS names no language')
        return 1

    failures = 0
    with tempfile.TemporaryDirectory(prefix='stride-i18n-') as tmp:
        env = dict(os.environ, GETTEXTDATADIRS=its_dir)
        pot = os.path.join(tmp, 'stride.pot')
        r = run(['xgettext', '--package-name=stride', '-p', tmp,
                 '-f', os.path.join(po_dir, 'POTFILES.in'), '-D', root, '-k_',
                 '-o', pot] + GLIB_PRESET + extra, env=env)
        if r.returncode != 0:
            print('xgettext failed:\n' + r.stderr)
            return 1
        # A msgid cut short (e.g. at a G_GSIZE_FORMAT macro) is never found at
        # run time, however it is translated.
        for line in r.stderr.splitlines():
            if 'warning' in line and 'not a valid C format string' in line:
                print(f'xgettext: {line}')
                failures += 1
        with open(pot, encoding='utf-8') as f:
            total = sum(1 for _ in entries(f.read()))
        print(f'# fresh catalogue: {total} messages')

        for lang in langs:
            src = os.path.join(po_dir, f'{lang}.po')
            if not os.path.exists(src):
                print(f'po/{lang}.po: missing (named in po/LINGUAS)')
                failures += 1
                continue
            merged = os.path.join(tmp, f'{lang}.po')
            r = run(['msgmerge', '--quiet', '--output-file=' + merged, src, pot])
            if r.returncode != 0:
                print(f'msgmerge po/{lang}.po failed:\n{r.stderr}')
                failures += 1
                continue
            r = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged])
            stats = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ''
            print(f'# {lang}: {stats}')
            if r.returncode != 0:
                print(f'po/{lang}.po: msgfmt --check fails:\n{r.stderr}')
                failures += 1
            # The build compiles po/LANG.po itself: a message that is only
            # there as obsolete (#~), which msgmerge revives above, is not in
            # the app's catalogue and shows in English.
            with open(src, encoding='utf-8') as f:
                committed = {(ctxt, msgid) for _, ctxt, msgid, _ in entries(f.read())}
            with open(merged, encoding='utf-8') as f:
                for flags, ctxt, msgid, strs in entries(f.read()):
                    what = None
                    if (ctxt, msgid) not in committed:
                        what = 'not in the file, or only as obsolete (#~): run msgmerge'
                    elif 'fuzzy' in flags:
                        what = 'fuzzy (the source changed: check and re-translate)'
                    elif not strs or any(s == '' for s in strs):
                        what = 'untranslated'
                    if what:
                        label = f'[{ctxt}] ' if ctxt else ''
                        print(f'po/{lang}.po: {what}: {label}"{msgid}"')
                        failures += 1

    if failures:
        print(f'{failures} problem(s): run "meson compile -C BUILDDIR stride-pot", then '
              f'"msgmerge --update po/LANG.po po/stride.pot" and translate what is listed')
        return 1
    print('every language is complete against a freshly extracted catalogue')
    return 0


if __name__ == '__main__':
    sys.exit(main())
