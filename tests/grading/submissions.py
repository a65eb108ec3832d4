"""What learners hand in: the released notebook with some answers written in.

Every submission starts from the notebook nbgrader released, as a learner's
would, and changes only what a learner can change: the source of answer cells,
or which cells are there at all.
"""

import ast
import copy


def grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def is_answer(cell):
    nbgrader = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and nbgrader.get("solution")


def answers(nb):
    """{exercise id: answer source} for the answer cells of a notebook."""
    return {grade_id(cell): cell.source for cell in nb.cells if is_answer(cell)}


def check_ids(nb):
    """The grade_ids of a notebook's check cells, in order."""
    return [grade_id(cell) for cell in nb.cells
            if cell.metadata.get("nbgrader", {}).get("grade")]


def with_answers(released, written):
    """A copy of ``released`` with ``written[exercise]`` in each named answer cell."""
    nb = copy.deepcopy(released)
    for cell in nb.cells:
        if is_answer(cell) and grade_id(cell) in written:
            cell.source = written[grade_id(cell)]
    return nb


def without_cells(nb, grade_ids):
    """A copy of ``nb`` with the cells of the given grade_ids deleted."""
    nb = copy.deepcopy(nb)
    nb.cells = [cell for cell in nb.cells if grade_id(cell) not in set(grade_ids)]
    return nb


def function_name(source):
    """The name of the first function an answer cell defines."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef):
            return node.name
    raise ValueError(f"answer defines no function:\n{source}")


def looping_forever(answer):
    """``answer`` whose function, once called by the check, never returns."""
    name = function_name(answer)
    return (f"{answer}\n\n\ndef {name}(*args, **kwargs):\n"
            "    while True:  # a stopping rule that never fires\n"
            "        pass\n")


def killing_its_kernel(answer):
    """``answer`` whose function, once called by the check, kills the kernel."""
    name = function_name(answer)
    return (f"{answer}\n\n\ndef {name}(*args, **kwargs):\n"
            "    import os\n"
            "    import signal\n\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n")
