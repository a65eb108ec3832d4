"""nbgrader grades the course end to end: release, hand in, autograde, export.

A temporary course gets each notebook of ``solutions/`` as its own assignment,
and the course's ``instructor/nbgrader_config.py`` unchanged; ``nbgrader
generate_assignment`` releases them. Learners then hand in, starting from the
released notebooks:

- the reference answers, and the same answers written into the repository's
  learner copy from ``notebooks/`` instead of nbgrader's release;
- nothing (the notebooks untouched);
- the k-th catalogued wrong answer of every exercise, one learner per k, for the
  first three (test_catalogue tries every wrong answer against its check; three
  per exercise keep this test within a few minutes);
- an answer that never returns, a deleted check cell (once with the exercise
  untouched, once answered), and an answer that kills its own kernel.

Two ``nbgrader autograde`` processes share the sqlite gradebook, each grading
half of the learners. Scores are read back through nbgrader's Gradebook API, and
``nbgrader export``, ``nbgrader generate_feedback`` and a round trip through the
exchange must work on the result.

Takes a few minutes: every submission runs its notebook in a fresh kernel, and
the endless loop holds one process for the configured cell timeout.
"""

import csv
import heapq
from dataclasses import dataclass, field

import catalogue
import nbformat
import pytest
from course import NOTEBOOKS, SOLUTIONS
from grading import submissions as sub
from grading.coursedir import Course

pytestmark = pytest.mark.grading

SOLUTION_FILES = sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))
TIMESTAMP = "2026-03-02 10:15:00.000000 UTC"
PROCESS_TIMEOUT = 1200  # seconds for one autograde process; a ceiling, not a target
WRONG_ANSWERS_PER_EXERCISE = 3

REFERENCE = "reference-answers"
UNTOUCHED = "untouched"
LOOPING = "endless-loop"
DELETED_UNTOUCHED = "deleted-check-untouched"
DELETED_ANSWERED = "deleted-check-answered"
KILLER = "kernel-killer"
REPOSITORY_COPY = "repository-copy"
EXCHANGE_LEARNER = "via-exchange"


@dataclass
class Submission:
    """One learner's notebook for one assignment, and the grade each check deserves.

    ``expected`` maps a check's grade_id to "full", "zero" or "below" (less than
    full marks).
    """

    student: str
    assignment: str
    nb: object = field(repr=False)
    expected: dict
    deleted: tuple = ()


@dataclass
class Assignment:
    """One released notebook, its reference answers and its check cells."""

    name: str
    released: object = field(repr=False)
    reference: dict = field(repr=False)
    checks: list

    def hand_in(self, student, written, changed=None, deleted=(), start=None):
        """A submission with ``written`` answers; ``changed`` maps each exercise not
        answered right to the grade its check deserves ("zero" or "below").

        ``start`` is the notebook the learner worked in (nbgrader's release unless
        given)."""
        nb = sub.with_answers(self.released if start is None else start, written)
        expected = {check: (changed or {}).get(check.removeprefix("check_"), "full")
                    for check in self.checks}
        return Submission(student, self.name, sub.without_cells(nb, deleted),
                          expected, tuple(deleted))


def _plan(course, wrong_answers):
    """Every submission of the run, and the (assignment, exercise) spoilt on purpose."""
    plan, first = [], None
    for path in SOLUTION_FILES:
        reference = sub.answers(nbformat.read(path, as_version=4))
        released = course.released(path.stem, path.stem)
        a = Assignment(path.stem, released, reference, sub.check_ids(released))

        plan.append(a.hand_in(REFERENCE, reference))
        plan.append(a.hand_in(UNTOUCHED, {}, dict.fromkeys(reference, "zero")))
        repository_copy = NOTEBOOKS / path.name
        if repository_copy.exists():  # test_release reports it when it is missing
            plan.append(a.hand_in(REPOSITORY_COPY, reference, start=nbformat.read(
                repository_copy, as_version=4)))
        most = max((len(wrong_answers.get(ex, {})) for ex in reference), default=0)
        for k in range(min(most, WRONG_ANSWERS_PER_EXERCISE)):
            kth = {ex: list(wrong_answers[ex].values())[k] for ex in reference
                   if len(wrong_answers.get(ex, {})) > k}
            plan.append(a.hand_in(f"wrong-answers-{k + 1}", {**reference, **kth},
                                  dict.fromkeys(kth, "below")))

        if first is None and reference:
            plan += _spoilt_submissions(a, next(iter(reference)))
            first = (a.name, next(iter(reference)))
    return plan, first


def _spoilt_submissions(a, exercise):
    """Learners who break one exercise in the ways a grader must survive."""
    answer, check = a.reference[exercise], f"check_{exercise}"
    rest = {ex: text for ex, text in a.reference.items() if ex != exercise}
    return [
        a.hand_in(LOOPING, {**rest, exercise: sub.looping_forever(answer)},
                  {exercise: "zero"}),
        a.hand_in(DELETED_UNTOUCHED, rest, {exercise: "zero"}, deleted=[check]),
        a.hand_in(DELETED_ANSWERED, a.reference, deleted=[check]),
        # nbgrader grades none of this one: its test expects every check of the
        # notebook to be left for manual grading.
        a.hand_in(KILLER, {**rest, exercise: sub.killing_its_kernel(answer)}),
    ]


def _split_students(plan, cell_timeout):
    """Two groups of learners with about the same grading work each."""
    work = {}
    for s in plan:
        work[s.student] = work.get(s.student, 0) + 1
    # The endless loop holds its process for the whole cell timeout; one
    # notebook takes about 5 s.
    if LOOPING in work:
        work[LOOPING] += cell_timeout / 5
    groups = [(0, 0, []), (0, 1, [])]
    for student in sorted(work, key=lambda s: (-work[s], s)):
        load, index, members = heapq.heappop(groups)
        heapq.heappush(groups, (load + work[student], index, members + [student]))
    return [members for _load, _index, members in sorted(groups, key=lambda g: g[1])]


@dataclass
class Run:
    course: Course
    plan: list
    first: tuple
    groups: list
    autograde: list  # (exit status, log) per group
    export: tuple  # (exit status, rows)
    feedback: tuple  # (exit status, log)

    def submissions(self, student):
        return [s for s in self.plan if s.student == student]

    def group_of(self, student):
        return next(i for i, group in enumerate(self.groups) if student in group)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    assert SOLUTION_FILES, "no notebooks in solutions/ to grade"
    course = Course(tmp_path_factory.mktemp("grading") / "course")
    for path in SOLUTION_FILES:
        course.add_source(path.stem, path)
    status, log = course.run("generate_assignment", "*", log_name="generate.log")
    assert status == 0, f"nbgrader generate_assignment failed:\n{log[-3000:]}"

    wrong = {ex: entry["wrong"] for ex, entry in catalogue.load().items()}
    plan, first = _plan(course, wrong)
    for s in plan:
        course.submit(s.student, s.assignment, s.assignment, s.nb, TIMESTAMP)

    groups = _split_students(plan, course.config.Execute.timeout)
    # Each process grades one group: it is told to leave out the other.
    started = [
        course.start("autograde", "*",
                     f"--CourseDirectory.student_id_exclude={','.join(groups[1 - i])}",
                     log_name=f"autograde-{i}.log")
        for i in range(2)
    ]
    autograde = [course.finish(process, log_path, PROCESS_TIMEOUT)
                 for process, log_path in started]

    csv_path = course.root.parent / "grades.csv"
    status, log = course.run("export", f"--to={csv_path}", log_name="export.log")
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8"))) if status == 0 else log
    feedback = course.run("generate_feedback", "*", f"--student={REFERENCE}",
                          log_name="feedback.log")
    return Run(course, plan, first, groups, autograde, (status, rows), feedback)


def _grade(gb, submission, check):
    notebook = submission.assignment
    return gb.find_grade(check, notebook, submission.assignment, submission.student)


def _check_grades(run, submission):
    """Problems with one submission's grades, as readable lines."""
    problems = []
    with run.course.gradebook() as gb:
        for check, want in submission.expected.items():
            grade = _grade(gb, submission, check)
            got, most = grade.score, grade.max_score
            ok = {"full": got == most, "zero": got == 0, "below": got < most}[want]
            if not ok or grade.auto_score is None:
                problems.append(f"{submission.student}/{submission.assignment} "
                                f"{check}: {got}/{most}, expected {want}")
    return problems


def _assert_grades(run, student):
    submissions = run.submissions(student)
    assert submissions, f"nobody handed in as {student}"
    problems = [p for s in submissions for p in _check_grades(run, s)]
    logs = "\n".join(log[-2000:] for _status, log in run.autograde)
    assert not problems, "\n".join(problems) + f"\n\nautograde logs (tails):\n{logs}"


def test_reference_answers_get_full_marks(run):
    _assert_grades(run, REFERENCE)
    with run.course.gradebook() as gb:
        for s in run.submissions(REFERENCE):
            graded = gb.find_submission(s.assignment, s.student)
            assert graded.score == graded.max_score, s.assignment
            if s.expected:
                assert graded.max_score > 0, f"{s.assignment}: checks worth no points"


def test_learner_copy_from_the_repository_grades_like_the_release(run):
    _assert_grades(run, REPOSITORY_COPY)


def test_untouched_notebooks_get_zero(run):
    _assert_grades(run, UNTOUCHED)
    with run.course.gradebook() as gb:
        for s in run.submissions(UNTOUCHED):
            assert gb.find_submission(s.assignment, s.student).score == 0, s.assignment


def test_each_wrong_answer_loses_marks_on_its_own_exercise_only(run):
    learners = sorted({s.student for s in run.plan if s.student.startswith("wrong")})
    assert learners, "no wrong answers catalogued for the exercises in solutions/"
    for student in learners:
        _assert_grades(run, student)


def test_endless_loop_is_stopped_and_scores_zero_on_its_exercise(run):
    _assert_grades(run, LOOPING)
    assignment, exercise = run.first
    nb = run.course.autograded(LOOPING, assignment, assignment)
    assert nb is not None, "the submission with an endless loop was not graded"
    check = next(c for c in nb.cells if sub.grade_id(c) == f"check_{exercise}")
    errors = [out.ename for out in check.outputs if out.output_type == "error"]
    assert "CellTimeoutError" in errors, f"check_{exercise} outputs: {errors}"
    assert "timeout" in run.course.config.Execute, "the course's config sets no timeout"
    timeout = run.course.config.Execute.timeout
    _status, log = run.autograde[run.group_of(LOOPING)]
    assert f"Timeout waiting for execute reply ({timeout}s)" in log


@pytest.mark.parametrize("student", [DELETED_UNTOUCHED, DELETED_ANSWERED])
def test_deleted_check_cell_comes_back_and_is_graded(run, student):
    _assert_grades(run, student)
    (submission,) = run.submissions(student)
    assert submission.deleted, "the plan deleted no check cell"
    nb = run.course.autograded(student, submission.assignment, submission.assignment)
    restored = {sub.grade_id(c): c for c in nb.cells}
    for check in submission.deleted:
        assert check in restored, f"{check} was not put back"
        assert "was missing from the submission" in restored[check].source


def test_kernel_killed_by_a_submission_is_logged_and_left_for_review(run):
    (submission,) = run.submissions(KILLER)
    status, log = run.autograde[run.group_of(KILLER)]
    assert status == 1, "nbgrader should report the failed submission"
    assert "Kernel died" in log
    assert (f"There was an error processing assignment '{submission.assignment}' "
            f"for student '{KILLER}'") in log
    assert run.course.autograded(KILLER, submission.assignment,
                                 submission.assignment) is None
    with run.course.gradebook() as gb:
        for check in submission.expected:
            grade = _grade(gb, submission, check)
            assert grade.auto_score is None and grade.needs_manual_grade, check
        assert gb.find_submission(submission.assignment, KILLER).score == 0


def test_every_other_submission_is_graded(run):
    for index, (status, log) in enumerate(run.autograde):
        if KILLER not in run.groups[index]:
            group = run.groups[index]
            assert status == 0, f"autograde of {group} failed:\n{log[-3000:]}"
    missing = [f"{s.student}/{s.assignment}" for s in run.plan if s.student != KILLER
               and run.course.autograded(s.student, s.assignment, s.assignment) is None]
    assert not missing, f"not graded: {missing}"


def test_export_has_one_row_per_learner_and_assignment(run):
    status, rows = run.export
    assert status == 0, f"nbgrader export failed:\n{rows}"
    handed_in = {(s.assignment, s.student) for s in run.plan}
    assignments = {a for a, _student in handed_in}
    students = {student for _a, student in handed_in}
    assert {(r["assignment"], r["student_id"]) for r in rows} == {
        (a, s) for a in assignments for s in students}
    assert len(rows) == len(assignments) * len(students)

    with run.course.gradebook() as gb:
        for row in rows:
            key = (row["assignment"], row["student_id"])
            max_score = gb.find_assignment(row["assignment"]).max_score
            assert float(row["max_score"]) == max_score, key
            if key in handed_in:
                graded = gb.find_submission(*key)
                assert float(row["score"]) == graded.score, key
                assert row["timestamp"].startswith(TIMESTAMP[:19]), key
            else:
                assert float(row["score"]) == 0 and not row["timestamp"], key


def test_feedback_is_generated_for_graded_submissions(run):
    status, log = run.feedback
    assert status == 0, f"nbgrader generate_feedback failed:\n{log[-3000:]}"
    for s in run.submissions(REFERENCE):
        page = run.course.root / "feedback" / REFERENCE / s.assignment
        html = (page / f"{s.assignment}.html").read_text(encoding="utf-8")
        with run.course.gradebook() as gb:
            graded = gb.find_submission(s.assignment, REFERENCE)
            score = f"Score: {graded.score:.1f} / {graded.max_score:.1f}"
        assert score in html, f"{s.assignment}: {score!r} not in the feedback page"


def test_release_fetch_submit_collect_through_the_exchange(run, tmp_path):
    assignment = run.plan[0].assignment
    course, exchange = run.course, [f"--Exchange.root={tmp_path / 'exchange'}"]
    learner_home = tmp_path / "learner"
    learner_home.mkdir()
    (tmp_path / "exchange").mkdir()

    def step(*args, cwd=None):
        status, log = course.run(*args, *exchange, log_name=f"{args[0]}.log", cwd=cwd)
        assert status == 0, f"nbgrader {args[0]} failed:\n{log[-3000:]}"

    step("release_assignment", assignment)
    step("fetch_assignment", assignment, f"--course={course.course_id}",
         cwd=learner_home)
    fetched = learner_home / assignment / f"{assignment}.ipynb"
    reference = next(s for s in run.plan if s.student == REFERENCE
                     and s.assignment == assignment)
    nbformat.write(sub.with_answers(nbformat.read(fetched, as_version=4),
                                    sub.answers(reference.nb)), fetched)
    step("submit", assignment, f"--course={course.course_id}",
         f"--CourseDirectory.student_id={EXCHANGE_LEARNER}", cwd=learner_home)
    step("collect", assignment)
    step("autograde", assignment, f"--student={EXCHANGE_LEARNER}")

    with course.gradebook() as gb:
        graded = gb.find_submission(assignment, EXCHANGE_LEARNER)
        assert graded.score == graded.max_score
