"""Checks for notebook 03, the batch gradient descent loop and its stopping rule."""

import numpy as np

from ._common import Check

REASONS = ("converged", "max_iterations")


class _Runaway(BaseException):
    """Raised from inside the check's gradient when the loop will not stop.

    A BaseException, so that neither the learner's ``except Exception`` nor
    :meth:`Check.call` swallows it before the check can explain it.
    """


def _reference(gradient, loss, theta0, X, y, learning_rate, loss_threshold,
               max_iterations):
    """The loop restated plainly: one update per pass, then the stopping rule."""
    theta = np.array(theta0, dtype=float)
    losses = [loss(theta, X, y)]
    for _ in range(max_iterations):
        theta = theta - learning_rate * gradient(theta, X, y)
        losses.append(loss(theta, X, y))
        if abs(losses[-1] - losses[-2]) < loss_threshold:
            return theta, losses, "converged"
    return theta, losses, "max_iterations"


def _mse(theta, X, y):
    residual = X @ theta - y
    return float(residual @ residual) / (2 * len(y))


def _mse_gradient(theta, X, y):
    return X.T @ (X @ theta - y) / len(y)


class _Bowl:
    """J(θ) = ½ Σⱼ cⱼ (θⱼ − centreⱼ)², which ignores X and y."""

    def __init__(self, curvatures, centre):
        self.curvatures, self.centre = np.asarray(curvatures), np.asarray(centre)

    def loss(self, theta, X, y):
        return float(0.5 * np.sum(self.curvatures * (theta - self.centre) ** 2))

    def gradient(self, theta, X, y):
        return self.curvatures * (theta - self.centre)


def _threshold_stopping_at(gradient, loss, theta0, X, y, rate, iteration):
    """A threshold that the rule first meets at pass ``iteration``.

    It is the geometric mean of the loss changes at passes ``iteration − 1`` and
    ``iteration``, so far from both. The changes shrink steadily on these
    problems, so the loop stops at exactly ``iteration`` and no rounding
    difference can move that decision.
    """
    _, losses, _ = _reference(gradient, loss, theta0, X, y, rate, 0.0, iteration)
    changes = np.abs(np.diff(losses))
    assert np.all(np.diff(changes) < 0), "the test problem must have shrinking changes"
    return float(np.sqrt(changes[-2] * changes[-1]))


def _cases(rng):
    """(description, arguments, expected reason), each built for one property."""
    m = 30
    X = np.column_stack([np.ones(m), rng.uniform(-1, 2, size=m)])
    y = X @ np.array([0.5, -1.5]) + 0.3 * rng.normal(size=m)
    theta0 = np.array([2.0, 1.0])
    rate = 0.5
    mse = (_mse_gradient, _mse)
    stop_at = 9
    threshold = _threshold_stopping_at(*mse, theta0, X, y, rate, stop_at)

    bowl = _Bowl([1.0, 3.0, 0.5], [1.0, -2.0, 0.5])
    bowl_theta0 = np.array([-1.0, 1.0, 3.0])
    bowl_threshold = _threshold_stopping_at(bowl.gradient, bowl.loss, bowl_theta0, X, y,
                                            0.3, 14)
    return [
        ("stops by the rule |J_k − J_(k−1)| < loss_threshold",
         (*mse, theta0, X, y, rate, threshold, 200), "converged"),
        ("a budget too small to converge",
         (*mse, theta0, X, y, rate, 1e-12, 7), "max_iterations"),
        ("max_iterations=1: exactly one update",
         (*mse, theta0, X, y, rate, 1e-12, 1), "max_iterations"),
        (f"the rule holds at the last allowed pass (max_iterations={stop_at})",
         (*mse, theta0, X, y, rate, threshold, stop_at), "converged"),
        ("a learning rate so large that the loss grows",
         (*mse, theta0, X, y, 2.5, 1e-3, 6), "max_iterations"),
        ("another cost, a 3-D bowl that ignores X and y",
         (bowl.gradient, bowl.loss, bowl_theta0, X, y, 0.3, bowl_threshold, 500),
         "converged"),
    ]


def _guarded(gradient, limit):
    """``gradient`` that stops a loop which would otherwise run on and on."""
    calls = [0]

    def counted(theta, X, y):
        calls[0] += 1
        if calls[0] > limit:
            raise _Runaway(calls[0])
        return gradient(theta, X, y)

    return counted


def _describe(arguments):
    _, _, theta0, X, _, rate, threshold, budget = arguments
    return (f"batch_descent(gradient, loss, theta0={np.round(theta0, 3).tolist()}, "
            f"X of shape {X.shape}, y, learning_rate={rate}, "
            f"loss_threshold={threshold:.3g}, max_iterations={budget})")


def _unpack(check, result, tried):
    """Split the learner's result into (theta, losses, reason), or fail clearly."""
    check.expect(
        isinstance(result, (tuple, list)) and len(result) == 3,
        tried=tried, expected="a tuple (theta, losses, reason)",
        got=f"{type(result).__name__} {str(result)[:60]}",
        hint="end with return theta, losses, reason.",
    )
    theta, losses, reason = result
    try:
        losses = np.asarray(losses, dtype=float).ravel()
    except (TypeError, ValueError):
        check.expect(False, tried=tried, expected="losses as a list of numbers",
                     got=f"{type(losses).__name__}",
                     hint="append loss(theta, X, y), a number, after every update.")
    return theta, losses, reason


def _stop_hint(got, expected, got_reason, reason, budget):
    """Say what went wrong with where the loop stopped, from the two lengths."""
    if got == expected and reason == "converged":
        return ("the rule held right after the last allowed update; when both happen "
                "at once the reason is 'converged'.")
    if got == expected:
        return ("the loop used up max_iterations here, so the reason is "
                "'max_iterations'; 'converged' is only for |J_k − J_(k−1)| < "
                "loss_threshold.")
    if reason == "max_iterations" and got_reason == "max_iterations":
        return (f"count the updates: with max_iterations={budget} the loop makes "
                f"exactly {budget} updates when the rule never holds.")
    if reason == "max_iterations":
        return ("the rule should not hold here: every pass changed the loss by more "
                "than loss_threshold (the loss grows when the learning rate is too "
                "large). Compare the size of the change, whatever its sign.")
    if got > expected:
        return ("the loop went on after the rule held: after each update compare the "
                "new loss with the one just before it, and stop when the absolute "
                "change is below loss_threshold.")
    return ("the loop stopped too early: the rule compares the last two losses, "
            "|J_k − J_(k−1)|, with loss_threshold.")


def _first_difference(losses, losses_ref):
    """Index of the first loss that differs from the reference, or None."""
    n = min(len(losses), len(losses_ref))
    same = np.isclose(losses[:n], losses_ref[:n], rtol=1e-9, atol=1e-12)
    return None if same.all() else int(np.argmin(same))


def _value_hint(index):
    if index == 0:
        return "losses[0] must be the loss at theta0, recorded before any update."
    return (f"losses[{index}], the loss after update {index}, differs: each update is "
            "theta minus learning_rate times the gradient at the current theta, over "
            "all the examples.")


def check_batch_descent(batch_descent, *, quiet=False):
    """Check the batch loop, its stopping rule and its reason against a restatement.

    Each case is built for one property: stopping by the rule, running out of
    iterations, a single iteration, the rule holding on the last pass, a growing
    loss, and a cost other than the mean squared error. Every case also checks
    that ``theta0`` is left unchanged.
    """
    check = Check("batch_descent", batch_descent, quiet)
    rng = np.random.default_rng(303)

    for description, arguments, reason in _cases(rng):
        gradient, loss, theta0, X, y, rate, threshold, budget = arguments
        theta_ref, losses_ref, reason_ref = _reference(*arguments)
        assert reason_ref == reason, description
        tried = f"{description}:\n            {_describe(arguments)}"
        theta0_before = theta0.copy()
        guarded = _guarded(gradient, 3 * budget + 10)
        try:
            result = check.call(guarded, loss, theta0, X, y, rate, threshold, budget,
                                tried=tried)
        except _Runaway as runaway:
            check.expect(
                False, tried=tried, expected=f"at most {budget} updates",
                got=f"a loop still running after {runaway.args[0]} gradients",
                hint="the loop must stop after max_iterations updates even when the "
                "rule never holds.",
            )
        theta, losses, got_reason = _unpack(check, result, tried)

        check.expect(
            np.array_equal(theta0, theta0_before), tried=tried,
            expected="theta0 unchanged after the call", got="theta0 was modified",
            hint="work on a copy (theta = np.array(theta0, dtype=float)) and update "
            "it with theta = theta - ..., not -= on theta0 itself.",
        )
        check.expect(
            got_reason in REASONS, tried=tried, expected=f"a reason in {REASONS}",
            got=got_reason, hint="return the reason as one of these two strings.",
        )
        index = _first_difference(losses, losses_ref)
        check.expect(
            index is None, tried=tried,
            expected=f"losses[{index}] = {losses_ref[index or 0]:.6g}",
            got=f"{losses[index or 0]:.6g}" if len(losses) else "an empty list",
            hint=_value_hint(index),
        )
        check.expect(
            len(losses) == len(losses_ref) and got_reason == reason_ref, tried=tried,
            expected=f"{len(losses_ref) - 1} updates ({len(losses_ref)} losses), "
            f"reason {reason_ref!r}",
            got=f"{len(losses) - 1} updates ({len(losses)} losses), reason "
            f"{got_reason!r}",
            hint=_stop_hint(len(losses), len(losses_ref), got_reason, reason_ref,
                            budget),
        )
        check.expect_close(
            np.asarray(theta, dtype=float), theta_ref, tried=tried, rtol=1e-9,
            atol=1e-12,
            hint="return theta after the last update, one update per pass: "
            "theta minus learning_rate times the gradient at theta.",
        )
        updates = len(losses_ref) - 1
        check.ok(f"{description}: reason {reason!r} after {updates} updates")
    check.ok("losses and final θ match a plain restatement; theta0 never modified")
    return check.report()


EXERCISES = {"batch_descent": check_batch_descent}
