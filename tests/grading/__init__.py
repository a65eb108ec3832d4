"""A throw-away nbgrader course built from ``solutions/``, for tests/test_grading.py.

``coursedir`` lays out the course and runs nbgrader's command line in it;
``submissions`` writes what learners hand in, from the released notebooks.
"""
