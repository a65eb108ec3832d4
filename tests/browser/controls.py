"""The controls of a ``gd.widgets.interactive`` box, as a learner sees them.

Each control is read from the page (its kind, its label, the value its own
readout shows), and :func:`names_value` decides whether the text under the
figure names that value, at whatever precision either side prints it.
"""

import math
import re

READOUT = """
(index) => {
  const readout = document.querySelectorAll('.gd-interactive')[index]
    .querySelector('.gd-readout');
  const lines = [...readout.querySelectorAll('code')].map((c) => c.textContent);
  return (lines.length ? lines.join('\\n') : readout.textContent).trim();
}
"""

# One JSON-able record per control of the n-th ``.gd-interactive`` box, in
# page order: kind, label and the value as the control itself displays it.
READ_CONTROLS = """
(index) => {
  const box = document.querySelectorAll('.gd-interactive')[index];
  // textContent, not innerText: a cell scrolled out of view is not rendered,
  // and innerText of an unrendered element is empty.
  const text = (el) => (el?.textContent ?? '').trim();
  const label = (el) => text(el.querySelector('.widget-label'));
  const controls = [];
  for (const el of box.children) {
    const c = el.classList;
    if (c.contains('widget-slider')) {
      const handle = el.querySelector('.noUi-handle');
      controls.push({kind: 'slider', label: label(el),
        value: text(el.querySelector('.widget-readout')),
        at_max: handle.getAttribute('aria-valuenow')
                === handle.getAttribute('aria-valuemax')});
    } else if (c.contains('widget-dropdown')) {
      const select = el.querySelector('select');
      controls.push({kind: 'dropdown', label: label(el),
        value: select.options[select.selectedIndex]?.text ?? '',
        at_max: select.selectedIndex === select.options.length - 1});
    } else if (c.contains('widget-toggle-buttons')) {
      const buttons = [...el.querySelectorAll('button')];
      const active = buttons.findIndex((b) => b.classList.contains('mod-active'));
      controls.push({kind: 'toggle', label: label(el),
        value: active < 0 ? '' : text(buttons[active]),
        at_max: active === buttons.length - 1});
    }
  }
  return controls;
}
"""

_NUMBER = re.compile(r"[-\u2212]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _numbers(text):
    """Every number written in ``text`` with the unit of its last digit."""
    found = []
    for match in _NUMBER.finditer(text):
        written = match.group().replace("\u2212", "-")
        mantissa, _, exponent = written.lower().partition("e")
        decimals = len(mantissa.partition(".")[2])
        unit = 10.0 ** (int(exponent or 0) - decimals)
        found.append((float(written), unit))
    return found


def names_value(readout, control):
    """Whether ``readout`` names the control's current value.

    A slider's value matches a number in the readout when the two agree to the
    precision of the coarser of them (a slider showing 0.126 matches "0.1259"
    and "0.13"); a dropdown's or toggle's value must appear as written.
    """
    if control["kind"] != "slider":
        return control["value"] in readout
    wanted = _numbers(control["value"])
    if len(wanted) != 1:
        return control["value"] in readout
    value, unit = wanted[0]
    for number, number_unit in _numbers(readout):
        tolerance = max(unit, number_unit) / 2
        if math.isclose(number, value) or abs(number - value) <= tolerance * 1.000001:
            return True
    return False


def describe(controls):
    return ", ".join(f"{c['label'] or c['kind']} = {c['value']}" for c in controls)
