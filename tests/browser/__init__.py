"""Helpers that drive the course's notebooks in real JupyterLab and Chromium.

``lab`` runs a throwaway JupyterLab server, ``chromium`` finds and starts the
system browser through Playwright, ``notebook`` works a notebook page the way a
learner does (open, run all, move the controls with the keyboard), ``controls``
reads the widget controls and their readouts, ``latency`` times each key press
to the redrawn figure in the page itself, ``sample`` writes two notebooks whose
behaviour is known, and ``processes`` checks that nothing started is left running.
"""
