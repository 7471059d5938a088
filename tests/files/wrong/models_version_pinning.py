"""Known-wrong answers for models_version_pinning: each must fail its grader."""

import re


def _dated(model_id):
    parts = model_id.rsplit("/", 1)[-1].split("-")
    if re.fullmatch(r"[0-9]{4}|[0-9]{8}", parts[-1]):
        return True
    return len(parts) >= 3 and bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "-".join(parts[-3:])))


def pin_problems__any_digits_is_dated(config, lock, measured):
    """Treats any number at the end of the name as a date, so 'gpt-4' looks pinned."""
    problems = []
    for role in sorted(config):
        if not config[role].strip():
            raise ValueError("empty id")
        if role in lock:
            if role not in measured:
                problems.append((role, "hash not measured"))
            elif measured[role].strip().lower() != lock[role].strip().lower():
                problems.append((role, "hash mismatch"))
        elif not config[role].split("-")[-1].isdigit():
            problems.append((role, "floating alias"))
    return problems


def pin_problems__name_before_hash(config, lock, measured):
    """Accepts a dated name without checking the locked hash."""
    problems = []
    for role in sorted(config):
        if not config[role].strip():
            raise ValueError("empty id")
        if _dated(config[role]):
            continue
        if role in lock:
            if role not in measured:
                problems.append((role, "hash not measured"))
            elif measured[role].strip().lower() != lock[role].strip().lower():
                problems.append((role, "hash mismatch"))
        else:
            problems.append((role, "floating alias"))
    return problems


def pin_problems__exact_digest_compare(config, lock, measured):
    """Compares the digests as written, so an upper-case digest or a trailing newline is a mismatch."""
    problems = []
    for role in sorted(config):
        if not config[role].strip():
            raise ValueError("empty id")
        if role in lock:
            if role not in measured:
                problems.append((role, "hash not measured"))
            elif measured[role] != lock[role]:
                problems.append((role, "hash mismatch"))
        elif not _dated(config[role]):
            problems.append((role, "floating alias"))
    return problems


def pin_problems__keeps_provider_prefix(config, lock, measured):
    """Looks for a date at the end of any segment of the id, so '2024-08-06/gpt-4o' passes as dated."""
    problems = []
    for role in sorted(config):
        if not config[role].strip():
            raise ValueError("empty id")
        if role in lock:
            if role not in measured:
                problems.append((role, "hash not measured"))
            elif measured[role].strip().lower() != lock[role].strip().lower():
                problems.append((role, "hash mismatch"))
        elif not re.search(r"(^|-)([0-9]{4}|[0-9]{8}|[0-9]{4}-[0-9]{2}-[0-9]{2})(/|$)", config[role]):
            problems.append((role, "floating alias"))
    return problems


def pin_problems__missing_measure_passes(config, lock, measured):
    """Treats a locked role with no measured hash as fine."""
    problems = []
    for role in sorted(config):
        if not config[role].strip():
            raise ValueError("empty id")
        if role in lock:
            if role in measured and measured[role].strip().lower() != lock[role].strip().lower():
                problems.append((role, "hash mismatch"))
        elif not _dated(config[role]):
            problems.append((role, "floating alias"))
    return problems


def pin_problems__insertion_order(config, lock, measured):
    """Reports the roles in the config's own order instead of sorted."""
    problems = []
    for role in config:
        if not config[role].strip():
            raise ValueError("empty id")
        if role in lock:
            if role not in measured:
                problems.append((role, "hash not measured"))
            elif measured[role].strip().lower() != lock[role].strip().lower():
                problems.append((role, "hash mismatch"))
        elif not _dated(config[role]):
            problems.append((role, "floating alias"))
    return problems


def _result(baseline, current, max_changed_share, norm):
    if not baseline or not 0.0 <= max_changed_share <= 1.0:
        raise ValueError("bad input")
    changed = sorted(c for c in baseline if c in current and norm(baseline[c]) != norm(current[c]))
    missing = sorted(c for c in baseline if c not in current)
    added = sorted(c for c in current if c not in baseline)
    share = (len(changed) + len(missing)) / len(baseline)
    return {"changed": changed, "missing": missing, "added": added, "changed_share": share,
            "drift": share > max_changed_share}


def canary_diff__exact_compare(baseline, current, max_changed_share=0.0):
    """Compares answers as written, so ' paris' and 'Paris' count as a change."""
    return _result(baseline, current, max_changed_share, lambda text: text)


def canary_diff__removes_spaces(baseline, current, max_changed_share=0.0):
    """Deletes all white space, so 'new york' and 'newyork' look the same."""
    return _result(baseline, current, max_changed_share, lambda text: "".join(text.lower().split()))


def canary_diff__lower_not_casefold(baseline, current, max_changed_share=0.0):
    """Uses lower(), which leaves 'ß' alone, so 'Straße' and 'STRASSE' differ."""
    return _result(baseline, current, max_changed_share, lambda text: " ".join(text.lower().split()))


def canary_diff__missing_not_counted(baseline, current, max_changed_share=0.0):
    """Counts only changed answers, so a canary that stopped answering goes unnoticed in the share."""
    out = _result(baseline, current, max_changed_share, lambda text: " ".join(text.casefold().split()))
    out["changed_share"] = len(out["changed"]) / len(baseline)
    out["drift"] = out["changed_share"] > max_changed_share
    return out


def canary_diff__at_threshold_is_drift(baseline, current, max_changed_share=0.0):
    """Alarms when the share equals the allowed share, not only above it."""
    out = _result(baseline, current, max_changed_share, lambda text: " ".join(text.casefold().split()))
    out["drift"] = out["changed_share"] >= max_changed_share and out["changed_share"] > 0
    return out


def canary_diff__share_over_union(baseline, current, max_changed_share=0.0):
    """Divides by every canary seen in either run, so added canaries dilute the share."""
    out = _result(baseline, current, max_changed_share, lambda text: " ".join(text.casefold().split()))
    out["changed_share"] = (len(out["changed"]) + len(out["missing"])) / len(set(baseline) | set(current))
    out["drift"] = out["changed_share"] > max_changed_share
    return out
