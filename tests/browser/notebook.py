"""One notebook open in JupyterLab, worked the way a learner works it.

Open it in its own workspace, wait until its kernel is really ready, run all
cells from the Run menu, save, and read the outputs back through the server
(only the saved file tells an error apart from a warning on stderr: the page
renders both alike). Then move each widget control with the keyboard and wait
for the figure and the readout to follow.
"""

import time
import uuid
from dataclasses import dataclass, field

from . import controls as ctl
from . import latency

KERNEL_STATUS = '.jp-StatusBar-TextItem[title^="Change kernel"]'
INDICATOR = ".jp-Notebook-ExecutionIndicator"
LOG_CONSOLE_ALERT = ".jp-LogConsoleStatusItem:not(.lm-mod-hidden)"
CODE_PROMPTS = ".jp-CodeCell .jp-InputArea-prompt"

# The page is busy until the toolbar says idle AND the status bar has moved
# past "Initializing"/"Connecting": a Run All clicked before that does nothing.
KERNEL_READY = f"""
() => {{
  const indicator = document.querySelector('{INDICATOR}');
  const status = document.querySelector('{KERNEL_STATUS}');
  return indicator?.dataset.status === 'idle'
    && (status?.textContent ?? '').trim().endsWith('| Idle');
}}
"""

PROMPTS = (f"() => [...document.querySelectorAll('{CODE_PROMPTS}')]"
           ".map((p) => p.textContent)")
DIRTY_TAB = ".lm-TabBar-tab.jp-mod-current.jp-mod-dirty"


TRACEBACK = "Traceback (most recent call last)"


@dataclass
class RunOutcome:
    """What a Run All left in the saved notebook."""

    errors: list = field(default_factory=list)  # (cell number, "Name: message")
    not_run: list = field(default_factory=list)  # cell numbers left without a count
    stderr: list = field(default_factory=list)  # (cell number, text)

    def tracebacks(self):
        return [(n, text) for n, text in self.stderr if TRACEBACK in text]

    def warnings(self):
        return [(n, text) for n, text in self.stderr if TRACEBACK not in text]


def outcome_of(saved):
    """Classify the outputs of a notebook read from the contents API."""
    outcome = RunOutcome()
    code_cells = [c for c in saved["content"]["cells"] if c["cell_type"] == "code"]
    for number, cell in enumerate(code_cells, start=1):
        source = "".join(cell["source"]).strip()
        if source and cell.get("execution_count") is None:
            outcome.not_run.append(number)
        for output in cell.get("outputs", []):
            if output["output_type"] == "error":
                error = f"{output['ename']}: {output['evalue']}"
                outcome.errors.append((number, error))
            elif output["output_type"] == "stream" and output["name"] == "stderr":
                text = output["text"]
                text = "".join(text) if isinstance(text, list) else text
                outcome.stderr.append((number, text))
    return outcome


class NotebookPage:
    """The notebook at ``path`` (from the server's root) in a new browser context."""

    def __init__(self, browser, lab, path, viewport=(1280, 900)):
        self.lab, self.path = lab, path
        self.context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]})
        self.page = self.context.new_page()
        self.page_errors = []
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def close(self):
        try:
            if self.path is not None:
                self.lab.delete_sessions(self.path)
        finally:
            self.context.close()

    # -- opening and running ------------------------------------------------

    def open(self, timeout=60):
        workspace = f"test-{uuid.uuid4().hex[:12]}"
        self.page.goto(self.lab.notebook_url(self.path, workspace))
        self.page.wait_for_selector(".jp-NotebookPanel", timeout=timeout * 1000)
        self.page.wait_for_function(KERNEL_READY, timeout=timeout * 1000, polling=100)

    def open_lab(self, timeout=60):
        """Open JupyterLab itself (no notebook) in a workspace of its own."""
        workspace = f"test-{uuid.uuid4().hex[:12]}"
        self.page.goto(self.lab.lab_url(workspace))
        self.page.wait_for_selector(".jp-DirListing-content", timeout=timeout * 1000)

    def open_from_file_browser(self, name, cells, timeout=60):
        """Double-click ``name`` in the file browser; wait until its ``cells`` show."""
        item = self.page.locator(".jp-DirListing-item", has_text=name).first
        item.dblclick()
        panel = self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        self.page.locator(".lm-TabBar-tab.jp-mod-current", has_text=name).wait_for(
            timeout=timeout * 1000)
        shown = panel.locator(".jp-Cell")
        deadline = time.monotonic() + timeout
        while shown.count() != cells:
            if time.monotonic() > deadline:
                raise AssertionError(f"{name}: {shown.count()} of its {cells} "
                                     f"cells shown after {timeout} s")
            time.sleep(0.1)

    def run_all(self, timeout=180):
        """Run every cell from the Run menu; wait until nothing is queued or running."""
        before = self.page.evaluate(PROMPTS)
        self.page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        self.page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        self.page.wait_for_function(
            f"(before) => ({PROMPTS})().some((p, i) => p !== before[i])",
            arg=before, timeout=30_000, polling=50)
        deadline = time.monotonic() + timeout
        quiet_since = None
        while time.monotonic() < deadline:
            prompts = self.page.evaluate(PROMPTS)
            queued = any("*" in p for p in prompts)
            busy = queued or not self.page.evaluate(KERNEL_READY)
            if busy:
                quiet_since = None
            elif all(p.strip("[]: ").isdigit() for p in prompts):
                return
            else:  # stopped early, or empty cells that never get a number
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since > 1.5:
                    return
            time.sleep(0.1)
        raise TimeoutError(f"{self.path}: Run All still busy after {timeout} s")

    def save_and_read(self, timeout=30):
        """Save from the page (autosave is off) and read the file back.

        The file is read only once the tab no longer shows unsaved changes: a
        read while the server is still writing can fail or see the old file.
        """
        before = self.lab.read_notebook(self.path)["last_modified"]
        self.page.locator(".jp-NotebookPanel .jp-Notebook").first.click(
            position={"x": 5, "y": 5})
        self.page.keyboard.press("Escape")
        self.page.keyboard.press("Control+s")
        self.page.locator(DIRTY_TAB).wait_for(state="detached", timeout=timeout * 1000)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            saved = self.lab.read_notebook(self.path)
            if saved["last_modified"] != before:
                return saved
            time.sleep(0.1)
        raise TimeoutError(f"{self.path}: the notebook was not saved in {timeout} s")

    def log_console_used(self):
        return self.page.locator(LOG_CONSOLE_ALERT).count() > 0

    # -- widgets ----------------------------------------------------------------

    def boxes(self):
        return self.page.locator(".gd-interactive")

    def controls(self, box):
        return self.page.evaluate(ctl.READ_CONTROLS, box)

    def readout(self, box):
        return self.page.evaluate(ctl.READOUT, box)

    def image_src(self, box):
        return self.boxes().nth(box).locator("img").first.get_attribute("src")

    def image_widths(self):
        """(natural, displayed) width in pixels of each widget's figure."""
        return self.page.evaluate(
            "() => [...document.querySelectorAll('.gd-interactive img')]"
            ".map((img) => [img.naturalWidth, img.clientWidth])")

    def wait_for_widgets(self, count, timeout=30):
        """Wait until ``count`` boxes show an image and a readout."""
        self.page.wait_for_function(
            """(count) => {
              const boxes = document.querySelectorAll('.gd-interactive');
              return boxes.length >= count && [...boxes].every(
                (b) => b.querySelector('img')?.src
                  && b.querySelector('.gd-readout')?.textContent.trim());
            }""", arg=count, timeout=timeout * 1000, polling=100)
        self.page.evaluate(latency.INSTALL)

    def press(self, box, index, control, key=None, timeout=20):
        """Change control ``index`` of ``box`` with one key press, as a person would.

        Waits until the readout names every control's new value, then returns
        the milliseconds from the key press to the new figure on screen, or
        None when no new figure came (the update drew the very same image).
        """
        element = self.boxes().nth(box).locator(":scope > *").nth(index)
        element.scroll_into_view_if_needed()
        key = self._focus(element, control, key)
        old_readout = self.readout(box)
        since = self.page.evaluate(latency.NOW)
        self.page.keyboard.press(key)
        new = self._wait_for_readout(box, index, control, key, old_readout, timeout)
        if new[index]["value"] == control["value"]:
            raise AssertionError(
                f"{self.path}: {key} did not change {control['label']!r}")
        # The image is sent before the readout, so a new figure has started
        # arriving by now; a short grace covers the two messages' decoding.
        frames = []
        grace = time.monotonic() + 0.3
        while not frames and time.monotonic() < grace:
            frames = self.page.evaluate(latency.FRAMES_SINCE, [box, since])
            time.sleep(0.02)
        if not frames:
            return None
        self.page.wait_for_function(
            f"(args) => ({latency.FRAMES_SINCE})(args)"
            ".some((f) => f.shown || f.failed)",
            arg=[box, since], timeout=timeout * 1000, polling="raf")
        frames = self.page.evaluate(latency.FRAMES_SINCE, [box, since])
        shown = [f["shown"] for f in frames if f["shown"] is not None]
        if not shown:
            raise AssertionError(f"{self.path}: the new figure could not be decoded")
        return min(shown) - self.page.evaluate(latency.LAST_PRESS)

    def _wait_for_readout(self, box, index, control, key, old_readout, timeout):
        deadline = time.monotonic() + timeout
        while True:
            new, text = self.controls(box), self.readout(box)
            if text != old_readout and all(ctl.names_value(text, c) for c in new):
                return new
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{self.path}: after {key} on {control['label']!r} the readout "
                    f"should name every control ({ctl.describe(new)}); it reads "
                    f"{text!r} (before: {old_readout!r})")
            time.sleep(0.02)

    def _focus(self, element, control, key=None):
        """Focus the part of ``element`` a keyboard user would, and pick the key."""
        if control["kind"] == "slider":
            element.locator(".noUi-handle").first.focus()
            return key or ("ArrowLeft" if control["at_max"] else "ArrowRight")
        if control["kind"] == "dropdown":
            # Inside JupyterLab the arrow keys move between cells even from a
            # focused <select>; Page Up/Down change its choice as they do anywhere.
            element.locator("select").focus()
            return key or ("PageUp" if control["at_max"] else "PageDown")
        buttons = element.locator("button")
        active = [i for i in range(buttons.count())
                  if "mod-active" in (buttons.nth(i).get_attribute("class") or "")]
        current = active[0] if active else 0
        buttons.nth(current - 1 if control["at_max"] else current + 1).focus()
        return "Space"
