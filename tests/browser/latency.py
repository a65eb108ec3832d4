"""Time from a key press to the redrawn figure on screen, measured in the page.

:data:`INSTALL` adds two listeners to the page: a capturing ``keydown``
listener that stamps each press with ``performance.now()``, and a
``MutationObserver`` that sees every new ``src`` of a ``.gd-interactive img``,
waits until that image is decoded, then stamps the next animation frame (the
frame that paints it). The latency of a press is the first such stamp after
it, minus the press's stamp; both clocks are the page's own.
"""

import statistics

INSTALL = """
() => {
  if (window.__gdTiming) return;
  const timing = window.__gdTiming = {presses: [], frames: []};
  document.addEventListener('keydown', () => {
    timing.presses.push(performance.now());
  }, true);
  new MutationObserver((records) => {
    for (const record of records) {
      const img = record.target;
      if (!img.matches('.gd-interactive img')) continue;
      const box = [...document.querySelectorAll('.gd-interactive')]
        .indexOf(img.closest('.gd-interactive'));
      const frame = {box, changed: performance.now(), shown: null, failed: false};
      timing.frames.push(frame);
      img.decode().then(
        () => requestAnimationFrame(() => { frame.shown = performance.now(); }),
        () => { frame.failed = true; });
    }
  }).observe(document.body, {subtree: true, attributes: true,
                             attributeFilter: ['src']});
}
"""

# New ``src`` values of box ``index``'s image after the page-clock time ``since``;
# ``shown`` stays null until the image is decoded and painted.
FRAMES_SINCE = """
([index, since]) => window.__gdTiming.frames.filter(
  (f) => f.box === index && f.changed >= since)
"""

LAST_PRESS = "() => window.__gdTiming.presses.at(-1) ?? null"
NOW = "() => performance.now()"


class Table:
    """Latencies per notebook, printed as one aligned table at the end.

    A press whose figure came out identical (more iterations after the run had
    already stopped, say) sends no new image; it is counted, not timed.
    """

    def __init__(self):
        self.rows = {}

    def add(self, notebook, milliseconds):
        """Record one press: its latency, or None when the figure did not change."""
        self.rows.setdefault(notebook, []).append(milliseconds)

    def lines(self, goal_ms=150):
        width = max([len("notebook"), *map(len, self.rows)])
        lines = [
            ("Key press to redrawn figure, measured in the page "
             f"(goal: median under {goal_ms} ms)"),
            (f"{'notebook':<{width}}  {'timed':>5}  {'same':>4}  "
             f"{'median ms':>9}  {'max ms':>6}"),
        ]
        every = []
        for notebook, values in sorted(self.rows.items()):
            lines.append(self._line(notebook, values, width))
            every += values
        if len(self.rows) > 1:
            lines.append(self._line("all", every, width))
        return lines

    @staticmethod
    def _line(name, values, width):
        timed = [v for v in values if v is not None]
        same = len(values) - len(timed)
        if not timed:
            return f"{name:<{width}}  {0:>5}  {same:>4}  {'-':>9}  {'-':>6}"
        return (f"{name:<{width}}  {len(timed):>5}  {same:>4}  "
                f"{statistics.median(timed):>9.0f}  {max(timed):>6.0f}")
