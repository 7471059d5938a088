"""Known-wrong answers for product_risk_tolerance: each must fail at least one grader case."""

_HIGH = ["eval set", "monitoring", "AI disclosure", "human oversight", "risk assessment"]


def _validated(use_case):
    for key in ("prohibited_practice", "decides_about_people", "audience"):
        if key not in use_case:
            raise ValueError(f"missing {key}")
    if not isinstance(use_case["prohibited_practice"], bool) or not isinstance(use_case["decides_about_people"], bool):
        raise ValueError("flags must be bools")
    if use_case["audience"] not in ("internal", "public"):
        raise ValueError("bad audience")
    return use_case


def risk_tier__audience_first(use_case):
    """Checks the audience before whether the use decides about people."""
    u = _validated(use_case)
    if u["prohibited_practice"]:
        return {"tier": "unacceptable", "gates": ["do not build"], "max_error_rate": None}
    if u["audience"] == "public":
        return {"tier": "limited", "gates": _HIGH[:3], "max_error_rate": 0.05}
    if u["decides_about_people"]:
        return {"tier": "high", "gates": list(_HIGH), "max_error_rate": 0.01}
    return {"tier": "minimal", "gates": _HIGH[:2], "max_error_rate": 0.10}


def risk_tier__truthy_flags(use_case):
    """Takes any truthy value as True, so the string 'no' makes a use high-risk."""
    if use_case.get("audience") not in ("internal", "public"):
        raise ValueError("bad audience")
    if use_case["prohibited_practice"]:
        return {"tier": "unacceptable", "gates": ["do not build"], "max_error_rate": None}
    if use_case["decides_about_people"]:
        return {"tier": "high", "gates": list(_HIGH), "max_error_rate": 0.01}
    if use_case["audience"] == "public":
        return {"tier": "limited", "gates": _HIGH[:3], "max_error_rate": 0.05}
    return {"tier": "minimal", "gates": _HIGH[:2], "max_error_rate": 0.10}


def risk_tier__gates_not_cumulative(use_case):
    """Lists only each tier's own new gates, forgetting the ones it inherits."""
    u = _validated(use_case)
    if u["prohibited_practice"]:
        return {"tier": "unacceptable", "gates": ["do not build"], "max_error_rate": None}
    if u["decides_about_people"]:
        return {"tier": "high", "gates": ["human oversight", "risk assessment"], "max_error_rate": 0.01}
    if u["audience"] == "public":
        return {"tier": "limited", "gates": ["AI disclosure"], "max_error_rate": 0.05}
    return {"tier": "minimal", "gates": ["eval set", "monitoring"], "max_error_rate": 0.10}


def risk_tier__decides_before_prohibited(use_case):
    """Tests decides_about_people first, so a banned use that decides about people comes out 'high'."""
    u = _validated(use_case)
    if u["decides_about_people"]:
        return {"tier": "high", "gates": list(_HIGH), "max_error_rate": 0.01}
    if u["prohibited_practice"]:
        return {"tier": "unacceptable", "gates": ["do not build"], "max_error_rate": None}
    if u["audience"] == "public":
        return {"tier": "limited", "gates": _HIGH[:3], "max_error_rate": 0.05}
    return {"tier": "minimal", "gates": _HIGH[:2], "max_error_rate": 0.10}


def risk_tier__validates_lazily(use_case):
    """Returns 'unacceptable' before it has looked at the other keys."""
    if use_case.get("prohibited_practice") is True:
        return {"tier": "unacceptable", "gates": ["do not build"], "max_error_rate": None}
    u = _validated(use_case)
    if u["decides_about_people"]:
        return {"tier": "high", "gates": list(_HIGH), "max_error_rate": 0.01}
    if u["audience"] == "public":
        return {"tier": "limited", "gates": _HIGH[:3], "max_error_rate": 0.05}
    return {"tier": "minimal", "gates": _HIGH[:2], "max_error_rate": 0.10}


def risk_tier__unknown_audience_is_internal(use_case):
    """Treats any audience other than 'public' as internal instead of rejecting it."""
    for key in ("prohibited_practice", "decides_about_people", "audience"):
        if key not in use_case:
            raise ValueError(f"missing {key}")
    if not isinstance(use_case["prohibited_practice"], bool) or not isinstance(use_case["decides_about_people"], bool):
        raise ValueError("flags must be bools")
    if use_case["prohibited_practice"]:
        return {"tier": "unacceptable", "gates": ["do not build"], "max_error_rate": None}
    if use_case["decides_about_people"]:
        return {"tier": "high", "gates": list(_HIGH), "max_error_rate": 0.01}
    if use_case["audience"] == "public":
        return {"tier": "limited", "gates": _HIGH[:3], "max_error_rate": 0.05}
    return {"tier": "minimal", "gates": _HIGH[:2], "max_error_rate": 0.10}
