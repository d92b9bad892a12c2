#!/usr/bin/python3
"""A clinician's walk-through of Stride driven through the accessibility tree.

Run by test-gui-atspi.sh inside a private D-Bus session with the app started.
Every input is found by its accessible name and operated by its AT-SPI action
(or, where GTK 4.8 offers no action, by the keyboard once it has the focus);
never by coordinates.  Each step's tree is dumped to $STRIDE_A11Y_DUMP_DIR and
every input announced by a widget type rather than a name fails the test.
"""
import os
import sys
import time

import pyatspi

from dogtail import rawinput, tree
from dogtail.config import config

config.searchCutoffCount = 3
config.defaultDelay = 0.1
config.actionDelay = 0.2
config.typingDelay = 0.02

INPUT_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'spin button',
               'combo box', 'text', 'entry', 'password text', 'slider', 'page tab',
               'page tab list', 'menu item', 'switch', 'list item'}
DUMP_DIR = os.environ.get('STRIDE_A11Y_DUMP_DIR', '.')
failures = []


def fail(message):
    print('FAIL: ' + message, flush=True)
    sys.exit(1)


def norm(name):
    """The name as a screen reader reads it, taken as it is: GTK 4.8 would name
    a button with a mnemonic "_Label Label", and the app must not let it."""
    return (name or '').strip()


def garbled(name):
    """A name read twice ("Label Label", "Pain, Left Pain") or with a raw
    mnemonic ("_Report")."""
    words = name.split()
    for n in range(1, len(words) // 2 + 1):
        if words[:n] == words[-n:]:
            return True
    return any(w.startswith('_') or '_' in w[:-1] and w.replace('_', '').isalpha() for w in words)


def wait_for(what, pred, root, timeout=10):
    end = time.time() + timeout
    while True:
        try:
            hits = root.findChildren(pred)
        except Exception:  # the tree changed under the search
            hits = []
        if hits:
            return hits[0]
        if time.time() > end:
            fail('not found: ' + what)
        time.sleep(0.3)


def find(role, name, root=None, timeout=10):
    return wait_for(f'{role} named {name!r}',
                    lambda x: x.roleName == role and norm(x.name) == name,
                    root or app, timeout)


def find_prefix(role, prefix, root=None, timeout=10):
    return wait_for(f'{role} named {prefix!r}…',
                    lambda x: x.roleName == role and norm(x.name).startswith(prefix),
                    root or app, timeout)


def click(role, name, root=None):
    node = find(role, name, root)
    if 'click' not in node.actions:
        fail(f'{role} {name!r} offers no click action')
    node.doActionNamed('click')
    time.sleep(0.3)
    return node


def audit(label, root=None):
    """Dumps the tree; inputs named only by their widget type are bugs."""
    root = root or app
    lines = []
    unnamed = []

    def walk(node, depth):
        name = node.name or ''
        lines.append('  ' * depth + f'[{node.roleName}] {name}')
        bare = name == '' or name.startswith(('Gtk', 'Adw', 'Stride'))
        if node.roleName == 'list item' and bare:
            # A row is read out by its content: only a row with no text at all is mute.
            bare = not node.findChildren(lambda x: x.roleName == 'label' and x.name
                                         and not x.name.startswith('Gtk'))
        if node.roleName in INPUT_ROLES and bare:
            unnamed.append(f'{node.roleName} {name!r} under {node.parent.roleName} '
                           f'{node.parent.name!r}')
        elif node.roleName in INPUT_ROLES and garbled(name):
            unnamed.append(f'{node.roleName} {name!r} (read twice, or with its mnemonic) under '
                           f'{node.parent.roleName} {node.parent.name!r}')
        for child in node.children:
            walk(child, depth + 1)

    for attempt in range(5):
        lines.clear()
        unnamed.clear()
        try:
            walk(root, 0)
            break
        except Exception as e:  # a widget went away while the screen changed
            if attempt == 4:
                fail(f'{label}: the accessibility tree kept changing: {e}')
            time.sleep(1)
    with open(os.path.join(DUMP_DIR, f'a11y-{label}.txt'), 'w', encoding='utf-8') as out:
        out.write('\n'.join(lines) + '\n')
    for u in unnamed:
        print("#   " + u, flush=True)
        failures.append(f'{label}: input without a name: {u}')
    print(f'# {label}: {len(lines)} accessibles, {len(unnamed)} inputs without a name', flush=True)


def set_spin(name, value):
    spin = find('spin button', name)
    spin.value = value
    time.sleep(0.3)
    if abs(spin.value - value) > 1e-6:
        fail(f'spin button {name!r} holds {spin.value}, not {value}')


def choose_in_drop_down(name, downs=1, options=()):
    """Opens a drop-down by its named button, checks that the @options are
    read out by name, then picks with the keyboard (GTK 4.8 list items offer
    no AT-SPI action)."""
    click('push button', name)
    time.sleep(0.5)
    for option in options:
        find('list item', option, tree.root.application('stride'))
    for _ in range(downs):
        rawinput.pressKey('Down')
    rawinput.pressKey('Return')
    time.sleep(0.5)


def step_item(prefix):
    return find_prefix('list item', prefix)


def current_step(prefix, timeout=5):
    """Waits until the step list has the step named @prefix… selected (found
    once: a search of the whole tree takes seconds)."""
    item = step_item(prefix)
    end = time.time() + timeout
    while not item.getState().contains(pyatspi.STATE_SELECTED):
        if time.time() > end:
            fail(f'the step {prefix!r} is not the current one')
        time.sleep(0.3)
    return item


def labels_text(root):
    return [n.name for n in root.findChildren(lambda x: x.roleName == 'label' and x.name)]


for _ in range(60):
    try:
        app = tree.root.application('stride')
        break
    except Exception:
        time.sleep(0.5)
else:
    fail('Stride did not appear on the accessibility bus')

# --- Patients: a new patient, typed into the fields the dialog focuses ----
audit('patients')
click('push button', 'New patient')
dialog = wait_for('the New Patient dialog',
                  lambda x: x.roleName in ('filler', 'dialog', 'frame') and x.name == 'New Patient',
                  tree.root.application('stride'))
name_field = find('text', 'Name', dialog)
birth_field = find('text', 'Date of birth (YYYY-MM-DD)', dialog)
find('combo box', 'Sex', dialog)
audit('new-patient', dialog)


def wait_focused(node, what):
    """A screen reader follows the focus: the field typed into says it has it."""
    end = time.time() + 5
    while not node.getState().contains(pyatspi.STATE_FOCUSED):
        if time.time() > end:
            fail(f'{what} has the keyboard focus but does not report it')
        time.sleep(0.3)


wait_focused(name_field, 'the Name field')
rawinput.typeText('Ana Walkthrough')
rawinput.pressKey('Tab')
wait_focused(birth_field, 'the date of birth field')
rawinput.typeText('1990-04-02')
click('push button', 'Add Patient', dialog)
wait_for('the new patient page', lambda x: x.roleName == 'label' and x.name == 'Ana Walkthrough',
         app)
audit('patient')

# --- History ------------------------------------------------------------
click('push button', 'New Assessment')
step_item('History')
# Every step's page is in the tree at once: this dump covers all seven.
audit('visit')
click('push button', 'Running at present: Yes')
set_spin('Runs per week (runs)', 3)
set_spin('Weekly running distance now (km)', 15)
choose_in_drop_down('Painful knee', options=('Not answered', 'Left', 'Right', 'Both'))
# The chosen answer is said with the question (GTK 4.8 drop-downs have no value).
if find('push button', 'Painful knee').description in ('', 'Not answered'):
    fail('the drop-down does not say which answer is chosen')
click('push button', 'Pain location: None ticked')
time.sleep(0.5)
# The popover focuses its first check button; GTK 4.8 check buttons have no
# AT-SPI action, so it is ticked with the space bar.
find('check box', 'Pain location: Around or behind the kneecap')
rawinput.pressKey('space')
time.sleep(0.3)
rawinput.pressKey('Escape')
find_prefix('push button', 'Pain location: Around or behind the kneecap')

# --- Red flags: a yes raises the triage banner at once --------------------
click('push button', 'Next step')
# Before the screening nothing says "no referral" or "complete".
for step, words in (('Red Flags', 'not asked'), ('Findings', 'not all screened')):
    if words not in step_item(step).name:
        fail(f'before any red flag question the step list says {step_item(step).name!r}')
click('push button', 'Cold, pale or blue foot: Yes')
banner = wait_for('the triage banner',
                  lambda x: x.roleName in ('label', 'alert', 'notification', 'panel')
                  and ('refer' in (x.name or '').lower() or 'emergency' in (x.name or '').lower())
                  and 'Asked before any test' not in (x.name or '')
                  and 'Recorded for the referral' not in (x.name or ''),
                  app)
print(f'# triage banner: {banner.name}', flush=True)
findings_item = step_item('Findings')
if 'No referral' in findings_item.name:
    fail(f'the step list still says {findings_item.name!r} after a red flag')
audit('red-flags')

# --- Load sensitivity and movement tolerance ------------------------------
click('push button', 'Next step')
click('push button', 'Next step')
set_spin('Pain, Left', 4)

# --- Findings: the phase and the triage as text ----------------------------
rawinput.keyCombo('<Control>Page_Down')
current_step('Findings')
triage = find('list', 'Triage')
texts = labels_text(triage)
print('# findings, triage: ' + ' | '.join(texts), flush=True)
if not any('refer' in t.lower() or 'emergency' in t.lower() for t in texts):
    fail('the findings do not show the referral: ' + repr(texts))
audit('findings')

# --- Plan and documents ---------------------------------------------------
click('push button', 'Next step')
click('push button', 'Next step')
find('page tab', 'Report')
find('page tab', 'Home Sheet')
audit('documents')
# The preview is a picture: its description holds the page's text.
report_page = find_prefix('image', 'Clinician report, page 1 of')
if 'Emergency referral' not in (report_page.description or ''):
    fail(f'the report preview does not give its text: {report_page.description[:200]!r}')
# No clinic contact yet: the page says so and its button opens the
# preferences, where the contact is typed; the sheet then gives it.
notice = 'The home sheet gives no clinic contact, so the patient will not know whom to call.'
find('label', notice)
click('push button', 'Add Clinic Contact…')
prefs = wait_for('the preferences window',
                 lambda x: x.roleName in ('frame', 'dialog') and x.name == 'Preferences',
                 tree.root.application('stride'))
wait_focused(find('text', 'Clinic name', prefs), 'the clinic name field')
audit('preferences', prefs)
rawinput.pressKey('Tab')
contact_field = find('text', 'Clinic contact line', prefs)
wait_focused(contact_field, 'the clinic contact field')
rawinput.typeText('12 High Street, 01234 567890')
rawinput.pressKey('Escape')
end = time.time() + 10
while any(w.name == 'Preferences' for w in tree.root.application('stride').children):
    if time.time() > end:
        fail('Escape does not close the preferences')
    time.sleep(0.3)
# This visit's sheet is the referral notice (an emergency red flag).
notice_page = find_prefix('image', 'Referral notice, page 1 of')
end = time.time() + 20
while '01234 567890' not in (notice_page.description or ''):
    if time.time() > end:
        fail('the referral notice does not give the clinic contact typed in the preferences')
    time.sleep(0.5)
end = time.time() + 10
while app.findChildren(lambda x: x.roleName == 'label' and x.name == notice and x.showing):
    if time.time() > end:
        fail('the page still says the sheet gives no clinic contact')
    time.sleep(0.5)
# One Alt+Left is one step back (the side panel's own back key took the first).
documents_step = current_step('Documents')
rawinput.keyCombo('<Alt>Left')
end = time.time() + 5
while documents_step.getState().contains(pyatspi.STATE_SELECTED):
    if time.time() > end:
        fail('Alt+Left did not go back a step')
    time.sleep(0.3)
rawinput.keyCombo('<Alt>Right')
current_step('Documents')

# --- Finalise -------------------------------------------------------------
click('push button', 'Finalise Visit…')
confirm = wait_for('the finalise confirmation',
                   lambda x: x.roleName == 'push button' and norm(x.name) in ('Finalise', 'Finalise Visit'),
                   tree.root.application('stride'))
confirm.doActionNamed('click')
wait_for('the visit marked final', lambda x: x.roleName == 'list item' and 'Final' in (x.name or ''),
         app)
time.sleep(1)
app = tree.root.application('stride')
audit('final')

# --- Amend the final visit: unlock, correct, give the required reason -------
click('push button', 'Amend…')
click('push button', 'Running at present: No')
click('push button', 'Save Amendment…')
reason = find('text', 'Reason for the amendment', tree.root.application('stride'))
save = find('push button', 'Save Amendment', tree.root.application('stride'))
if save.sensitive:
    fail('an amendment can be saved without a reason')
time.sleep(0.5)
rawinput.typeText('Running status misheard')
time.sleep(0.5)
if not save.sensitive:
    fail('Save Amendment stays disabled with a reason typed')
save.doActionNamed('click')
amended = wait_for('the amendment listed on the visit',
                   lambda x: x.roleName == 'label' and 'Running status misheard' in (x.name or ''),
                   app)
print(f'# amendment listed: {amended.name}', flush=True)
find('push button', 'Amend…')

# --- A follow-up with a plan: the sample patient, keyboard only -------------
click('push button', 'Back to the patient')
rawinput.pressKey('F10')  # the main menu, which focuses its first item
time.sleep(0.5)
for key in ('Down', 'Down', 'Return'):
    rawinput.pressKey(key)
time.sleep(1)
# The row the keyboard focuses in the patient list is named, not only its content.
find_prefix('list item', 'Sample Patient (Alex), ')
click('push button', 'Follow-up')
current_step('History')
click('push button', 'Next step')
click('push button', 'Answer No to the Rest')
for _ in range(4):
    click('push button', 'Next step')
plan_step = find('list item', 'Plan', find('list', 'Steps of the visit'))
end = time.time() + 5
while not plan_step.getState().contains(pyatspi.STATE_SELECTED):
    if time.time() > end:
        fail('the Plan step is not the current one')
    time.sleep(0.3)
exercises = find('list', 'Exercises')
names = [b.name[len('Remove: '):] for b in exercises.findChildren(
    lambda x: x.roleName == 'push button' and (x.name or '').startswith('Remove: '))]
print('# plan: ' + ' | '.join(names), flush=True)
if len(names) < 3:
    fail(f'the sample follow-up plan has too few exercises to edit: {names!r}')
# An exercise row says whether its dose is shown.
if not find('list item', names[0], exercises).getState().contains(pyatspi.STATE_EXPANDABLE):
    fail(f'the exercise row {names[0]!r} does not say it expands')
# Each field is named once, not again by its row's title.
find('text', 'Note for the patient: ' + names[0], exercises)
find('text', 'Date of the next review')
# Removing an exercise leaves the focus on the one after it, not at the top.
click('push button', 'Remove: ' + names[1], exercises)
end = time.time() + 5
while not find('list item', names[2], exercises).getState().contains(pyatspi.STATE_FOCUSED):
    if time.time() > end:
        fail(f'after removing {names[1]!r} the focus is not on {names[2]!r}')
    time.sleep(0.3)
# The exercise chooser opens with its search focused, and Escape still closes it.
click('push button', 'Add Exercise…')
stride = tree.root.application('stride')
wait_for('the exercise chooser',
         lambda x: x.roleName == 'frame' and x.name == 'Add Exercise', stride)
time.sleep(0.5)
rawinput.pressKey('Escape')
end = time.time() + 5
while any(w.name == 'Add Exercise' for w in tree.root.application('stride').children):
    if time.time() > end:
        fail('Escape does not close the exercise chooser')
    time.sleep(0.3)
audit('plan')

# --- Deleting a patient asks first, with every button named ---------------
click('push button', 'Back to the patient')
# GTK 4.8's menu button is a named group around the button that acts.
menu_button = find('push button', 'More actions for this patient')
toggles = menu_button.findChildren(lambda x: x.roleName in ('push button', 'toggle button')
                                   and norm(x.name) == 'More actions for this patient'
                                   and 'click' in x.actions)
if not toggles:
    fail('the patient menu cannot be opened through AT-SPI')
toggles[0].doActionNamed('click')
time.sleep(0.5)
delete_item = find('menu item', 'Delete Patient…', tree.root.application('stride'))
delete_item.doActionNamed('click')
confirm = wait_for('the delete confirmation',
                   lambda x: x.roleName in ('dialog', 'frame', 'alert')
                   and (x.name or '').startswith('Delete Sample Patient'),
                   tree.root.application('stride'))
audit('delete-patient', confirm)
click('push button', 'Cancel', confirm)
end = time.time() + 10
while any((w.name or '').startswith('Delete ') for w in tree.root.application('stride').children):
    if time.time() > end:
        fail('Cancel does not close the delete confirmation')
    time.sleep(0.3)
find_prefix('label', 'Sample Patient (Alex)')

# --- The keyboard shortcuts, from the keyboard --------------------------------
rawinput.pressKey('F10')
time.sleep(0.5)
find('menu item', 'Keyboard Shortcuts', tree.root.application('stride')).doActionNamed('click')
end = time.time() + 10
while True:
    windows = tree.root.application('stride').children
    shortcuts = [w for w in windows if 'Shortcuts' in (w.name or '')]
    if shortcuts:
        break
    if time.time() > end:
        fail('no keyboard shortcuts window among ' + repr([w.name for w in windows]))
    time.sleep(0.3)
audit('shortcuts', shortcuts[0])
rawinput.pressKey('Escape')

if failures:
    print('\n'.join('FAIL: ' + f for f in failures), flush=True)
    sys.exit(1)
print('walk-through complete', flush=True)
