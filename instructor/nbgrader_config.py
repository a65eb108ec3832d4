"""nbgrader settings for grading the gradient-descent course.

Copy this file into the course directory (the folder that holds ``source/``) and
run every ``nbgrader`` command from there; instructor/README.md walks through it.
With nothing else set, grades go to ``gradebook.db`` (sqlite) in that folder.
"""

c = get_config()  # noqa: F821 (provided by nbgrader when it reads this file)

# The exchange (JupyterHub) files submissions under this name; the students'
# nbgrader_config.py must give the same one.
c.CourseDirectory.course_id = "gradient-descent"

# Each notebook runs top to bottom in a few seconds. A cell still busy after a
# minute is an endless loop: it is interrupted, scores zero, and the rest of the
# notebook and the other submissions are graded as usual.
c.Execute.timeout = 60

# A learner who deletes a check cell gets it back, so the exercise is graded
# like everyone else's instead of silently skipped.
c.OverwriteCells.add_missing_cells = True

# For a class on JupyterHub with a PostgreSQL gradebook, see instructor/README.md:
# c.CourseDirectory.db_url = (
#     "postgresql+psycopg://nbgrader:PASSWORD@db-host/gradient_descent")
# c.Exchange.root = "/srv/nbgrader/exchange"
