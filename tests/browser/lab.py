"""A throwaway JupyterLab server for the browser tests.

The server sees only a temporary copy of the notebooks and keeps its config,
runtime files, IPython profile, settings and workspaces in temporary folders,
so a test run neither reads nor changes the user's own Jupyter set-up.
Autosave, news and update checks are off; it listens on 127.0.0.1 only, on a
free port, behind a random token.
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from . import processes

# Settings a learner may change but a test must fix: no autosave (the test
# saves when it wants to read outputs back), no news toast over the page.
SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

# The instructor's nbgrader extensions come with the test dependencies but are
# not part of a learner's JupyterLab (`make lab`); keep them out of the page.
NBGRADER_SERVER_EXTENSIONS = (
    "formgrader", "validate_assignment", "assignment_list", "course_list",
)
CONFIG = {
    "jupyter_server_config.json": {
        "ServerApp": {"jpserver_extensions": {
            f"nbgrader.server_extensions.{name}": False
            for name in NBGRADER_SERVER_EXTENSIONS
        }},
    },
    "labconfig/page_config.json": {"disabledExtensions": {"@jupyter/nbgrader": True}},
}

START_TIMEOUT = 90  # seconds; the first start on a fresh machine builds caches


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Lab:
    """A JupyterLab server on 127.0.0.1 serving ``root``, state kept in ``home``.

    Use as a context manager: the server starts on entry and is stopped (by its
    own process id) on exit, which also shuts down any kernel still running.
    """

    def __init__(self, root, home):
        self.root, self.home = Path(root), Path(home)
        self.token = secrets.token_hex(24)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.home / "server.log"
        self.process = None
        self.left_running = []

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.left_running = self.stop()

    def _environment(self):
        env = dict(os.environ)
        for name in ("config", "runtime", "ipython", "settings", "workspaces", "data"):
            (self.home / name).mkdir(parents=True, exist_ok=True)
        env.update(
            JUPYTER_CONFIG_DIR=str(self.home / "config"),
            JUPYTER_RUNTIME_DIR=str(self.home / "runtime"),
            JUPYTER_DATA_DIR=str(self.home / "data"),
            IPYTHONDIR=str(self.home / "ipython"),
            JUPYTERLAB_SETTINGS_DIR=str(self.home / "settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(self.home / "workspaces"),
        )
        # The kernel must be this interpreter (the one with gdlib installed).
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        for name, values in CONFIG.items():
            path = self.home / "config" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        for plugin, values in SETTINGS.items():
            path = self.home / "settings" / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        return env

    def start(self):
        command = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--ServerApp.allow_root=True",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.news_url=None",
        ]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command, env=self._environment(), cwd=self.root,
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited at start:\n{self.log_tail()}")
            try:
                self.api("GET", "/api/status")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer in {START_TIMEOUT} s:\n"
                           f"{self.log_tail()}")

    def stop(self):
        """Stop the server with SIGTERM by its pid (SIGKILL if it hangs).

        Returns the command lines of any process it started (a kernel) that
        still runs afterwards; those are then killed, by their own pids.
        """
        if self.process is None or self.process.poll() is not None:
            return []
        started = processes.descendants(self.process.pid)
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        left = processes.wait_gone(started)
        commands = [processes.command(pid) for pid in left]
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        return commands

    def api(self, method, path, body=None):
        """Call the server's REST API; returns the decoded JSON answer (or None)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}{path}", data=data, method=method,
            headers={"Authorization": f"token {self.token}",
                     "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            text = answer.read()
        return json.loads(text) if text else None

    def lab_url(self, workspace):
        return f"{self.url}/lab/workspaces/{workspace}?token={self.token}"

    def notebook_url(self, path, workspace):
        return f"{self.url}/lab/workspaces/{workspace}/tree/{path}?token={self.token}"

    def read_notebook(self, path):
        """The notebook as last saved, with its outputs, through the contents API."""
        return self.api("GET", f"/api/contents/{path}?content=1&type=notebook")

    def delete_sessions(self, path=None):
        """Shut down the kernels of ``path`` (or of every notebook) via the REST API."""
        for session in self.api("GET", "/api/sessions"):
            if path is None or session.get("path") == path:
                self.api("DELETE", f"/api/sessions/{session['id']}")

    def log_tail(self, lines=40):
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])
