"""An nbgrader course directory in a temporary folder, driven by nbgrader's CLI.

The course is set up the way instructor/README.md tells an instructor to: the
course's ``instructor/nbgrader_config.py`` copied in unchanged, one assignment
per notebook under ``source/``, and every ``nbgrader`` command run from the
course directory with the virtual environment's ``bin`` first on PATH (nbgrader
runs ``alembic`` by name when it creates the gradebook).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from traitlets.config.loader import PyFileConfigLoader

ROOT = Path(__file__).resolve().parents[2]
INSTRUCTOR_CONFIG = ROOT / "instructor" / "nbgrader_config.py"
BIN = Path(sys.executable).parent


class Course:
    """One nbgrader course under ``root``, with the course's shipped config.

    Parameters
    ----------
    root : path
        An empty folder to hold the course (source/, release/, submitted/, ...).
    """

    def __init__(self, root):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        shutil.copy(INSTRUCTOR_CONFIG, self.root / "nbgrader_config.py")
        self.config = PyFileConfigLoader(
            "nbgrader_config.py", path=str(self.root)
        ).load_config()
        # A private Jupyter config folder keeps the runner's own nbgrader
        # settings, if any, out of the test.
        (self.root.parent / "jupyter-config").mkdir(exist_ok=True)
        self.env = dict(
            os.environ,
            PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            JUPYTER_CONFIG_DIR=str(self.root.parent / "jupyter-config"),
        )

    @property
    def course_id(self):
        return self.config.CourseDirectory.course_id

    @property
    def db_url(self):
        return f"sqlite:///{self.root / 'gradebook.db'}"

    def add_source(self, assignment, notebook):
        """Put one solution notebook in ``source/<assignment>/``."""
        folder = self.root / "source" / assignment
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(notebook, folder / Path(notebook).name)

    def command(self, *args):
        return [str(BIN / "nbgrader"), *args]

    def run(self, *args, log_name, cwd=None):
        """Run ``nbgrader *args`` to the end; its output goes to ``log_name``.

        It runs in the course directory unless ``cwd`` (a learner's folder) is given.
        """
        log_path = self.root.parent / log_name
        with open(log_path, "w", encoding="utf-8") as log:
            done = subprocess.run(
                self.command(*args), cwd=cwd or self.root, env=self.env,
                stdout=log, stderr=subprocess.STDOUT, check=False,
            )
        return done.returncode, log_path.read_text(encoding="utf-8")

    def start(self, *args, log_name):
        """Start ``nbgrader *args`` without waiting; return (process, log path)."""
        log_path = self.root.parent / log_name
        log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 (finish closes it)
        process = subprocess.Popen(self.command(*args), cwd=self.root, env=self.env,
                                   stdout=log, stderr=subprocess.STDOUT)
        process.log = log
        return process, log_path

    @staticmethod
    def finish(process, log_path, timeout):
        """Wait for a started command; return (exit status, its log)."""
        try:
            process.wait(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            process.log.close()
        return process.returncode, Path(log_path).read_text(encoding="utf-8")

    def released(self, assignment, notebook):
        """The notebook as nbgrader released it to learners."""
        path = self.root / "release" / assignment / f"{notebook}.ipynb"
        return nbformat.read(path, as_version=4)

    def submit(self, student, assignment, notebook, nb, timestamp):
        """Place a learner's notebook where ``nbgrader collect`` would put it."""
        folder = self.root / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{notebook}.ipynb")
        (folder / "timestamp.txt").write_text(timestamp, encoding="utf-8")

    def autograded(self, student, assignment, notebook):
        """The graded notebook, or None when nbgrader gave up on the submission."""
        path = self.root / "autograded" / student / assignment / f"{notebook}.ipynb"
        return nbformat.read(path, as_version=4) if path.exists() else None

    def gradebook(self):
        return Gradebook(self.db_url, self.course_id)
