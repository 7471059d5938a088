"""Known-wrong answers for iterate_buy_dont_build: each must fail its grader."""

_W = {"cost": 1.0, "time_to_value": 1.0, "differentiation": 2.0, "data_sensitivity": 1.0}
_KEYS = ("differentiation", "data_sensitivity", "build_cost", "buy_cost", "build_weeks", "buy_weeks")


def _validate(option, weights):
    for key in _KEYS:
        if key not in option:
            raise ValueError(f"missing {key}")
    if not (0 <= option["differentiation"] <= 5 and 0 <= option["data_sensitivity"] <= 5):
        raise ValueError("rating out of range")
    if min(option[k] for k in _KEYS[2:]) < 0:
        raise ValueError("negative")
    if any(k not in weights or weights[k] < 0 for k in _W) or sum(weights[k] for k in _W) == 0:
        raise ValueError("bad weights")


def _score(option, weights, ratio, threshold=lambda s: s > 0):
    votes = {"cost": float(ratio(option["buy_cost"], option["build_cost"])),
             "time_to_value": float(ratio(option["buy_weeks"], option["build_weeks"])),
             "differentiation": (option["differentiation"] - 2.5) / 2.5,
             "data_sensitivity": (option["data_sensitivity"] - 2.5) / 2.5}
    score = float(sum(weights[k] * votes[k] for k in _W) / sum(weights[k] for k in _W))
    return {"decision": "build" if threshold(score) else "buy", "score": score, "votes": votes}


def _ratio(buy, build):
    return 0.0 if max(buy, build) == 0 else (buy - build) / max(buy, build)


def build_or_buy__tie_builds(option, weights=None):
    """Builds on a score of exactly 0, though the rule says building has to earn its case."""
    weights = _W if weights is None else weights
    _validate(option, weights)
    return _score(option, weights, _ratio, threshold=lambda s: s >= 0)


def build_or_buy__equal_weights(option, weights=None):
    """Ignores the default weights: counts differentiation once, like every other criterion."""
    weights = {k: 1.0 for k in _W} if weights is None else weights
    _validate(option, weights)
    return _score(option, weights, _ratio)


def build_or_buy__divides_by_build(option, weights=None):
    """Divides the cost and time differences by the build figure instead of the larger of the two."""
    weights = _W if weights is None else weights
    _validate(option, weights)
    return _score(option, weights, lambda buy, build: 0.0 if build == 0 else (buy - build) / build)


def build_or_buy__sign_flipped(option, weights=None):
    """Takes build minus buy, so a cheaper build votes for buying."""
    weights = _W if weights is None else weights
    _validate(option, weights)
    return _score(option, weights, lambda buy, build: -_ratio(buy, build))


def build_or_buy__mean_not_weighted_mean(option, weights=None):
    """Divides the weighted sum by 4 (the number of criteria) instead of by the sum of the weights."""
    weights = _W if weights is None else weights
    _validate(option, weights)
    result = _score(option, weights, _ratio)
    score = sum(weights[k] * result["votes"][k] for k in _W) / 4
    return {"decision": "build" if score > 0 else "buy", "score": float(score), "votes": result["votes"]}


def build_or_buy__crashes_on_zero_costs(option, weights=None):
    """Divides by max(buy, build) without the zero case, so two free options raise ZeroDivisionError."""
    weights = _W if weights is None else weights
    _validate(option, weights)
    return _score(option, weights, lambda buy, build: (buy - build) / max(buy, build))


def build_or_buy__no_range_check(option, weights=None):
    """Checks nothing: a rating of 6, a negative cost or a missing weight slip through or crash with KeyError."""
    weights = _W if weights is None else weights
    return _score(option, weights, _ratio)


def build_or_buy__ratings_over_five(option, weights=None):
    """Scales a rating by 5 instead of centring it at 2.5, so every rating votes for building."""
    weights = _W if weights is None else weights
    _validate(option, weights)
    result = _score(option, weights, _ratio)
    votes = dict(result["votes"], differentiation=option["differentiation"] / 5,
                 data_sensitivity=option["data_sensitivity"] / 5)
    score = sum(weights[k] * votes[k] for k in _W) / sum(weights[k] for k in _W)
    return {"decision": "build" if score > 0 else "buy", "score": float(score), "votes": votes}
