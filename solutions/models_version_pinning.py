# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercises: pins and canaries
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. A pin checker
#
# A service uses several models, one per *role* (say `"router"` and `"writer"`). Check its configuration
# before it starts.
#
# - `config` maps each role to the model id the code sends, for example `"gpt-4o"` or
#   `"openai/gpt-4o-2024-08-06"`.
# - `lock` maps the roles whose weights you host yourself to the SHA-256 hex digest the weights file
#   must have. Roles missing from `config` are ignored.
# - `measured` maps roles to the SHA-256 hex digest of the file actually loaded.
#
# Go through the roles of `config` in sorted order and report at most one problem per role:
#
# - A role in `lock` is pinned by its hash, whatever its id. Its problem is `"hash not measured"` when
#   the role is missing from `measured`, and `"hash mismatch"` when the two digests differ; compare them
#   after `strip()` and `lower()`, since hex digests are written in either case.
# - Any other role must use a **dated** id, else its problem is `"floating alias"`. Take the id's name
#   after its last `/` (if any) and split it on `-`. It is dated when its last part is 4 or 8 digits
#   (`gpt-4-0613`, `claude-3-opus-20240229`), or its last three parts are 4, 2 and 2 digits
#   (`gpt-4o-2024-08-06`). Digits mean the ASCII characters `0` to `9`.
#
# Return a list of `(role, problem)` tuples, sorted by role; an empty list means every pin holds.
# Raise `ValueError` when a model id in `config` is empty or only white space.

# %%
def pin_problems(config: dict[str, str], lock: dict[str, str], measured: dict[str, str]) -> list[tuple[str, str]]:
    """(role, problem) for every role whose model is not pinned, or whose pinned weights do not match."""
    # BEGIN SOLUTION
    def digits(part: str, n: int) -> bool:
        return len(part) == n and all(ch in "0123456789" for ch in part)

    def dated(model_id: str) -> bool:
        parts = model_id.rsplit("/", 1)[-1].split("-")
        if digits(parts[-1], 4) or digits(parts[-1], 8):
            return True
        return len(parts) >= 3 and digits(parts[-3], 4) and digits(parts[-2], 2) and digits(parts[-1], 2)

    problems = []
    for role in sorted(config):
        model_id = config[role]
        if not model_id.strip():
            raise ValueError(f"the role {role!r} has an empty model id")
        if role in lock:
            if role not in measured:
                problems.append((role, "hash not measured"))
            elif measured[role].strip().lower() != lock[role].strip().lower():
                problems.append((role, "hash mismatch"))
        elif not dated(model_id):
            problems.append((role, "floating alias"))
    return problems
    # END SOLUTION


# %%
check("models_version_pinning.pin_problems", pin_problems)

# %% [markdown]
# ## 2. A canary diff
#
# `baseline` maps each canary id to the answer of the last run you trusted, `current` maps canary ids
# to today's answers. Compare them:
#
# - Normalise every answer before comparing: `casefold()` it, and replace each run of white space with
#   one space and strip the ends (`" ".join(text.split())` does both), so that `"Paris"` and
#   `" paris\n"` count as the same answer.
# - `"changed"`: the ids in both whose normalised answers differ; `"missing"`: the ids in `baseline`
#   but not in `current`; `"added"`: the ids in `current` but not in `baseline`. Each is a sorted list.
# - `"changed_share"`: `(len(changed) + len(missing)) / len(baseline)`, as a float (a canary that no
#   longer answers counts as a change; an added one does not, since it has nothing to compare with).
# - `"drift"`: `True` when `changed_share` is strictly greater than `max_changed_share`, else `False`.
#
# Return a dict with exactly those five keys. Raise `ValueError` when `baseline` is empty, or when
# `max_changed_share` is outside `[0, 1]`.

# %%
def canary_diff(baseline: dict[str, str], current: dict[str, str], max_changed_share: float = 0.0) -> dict:
    """Which canaries changed, went missing or were added, and whether that exceeds the allowed share."""
    # BEGIN SOLUTION
    if not baseline:
        raise ValueError("the baseline has no canaries to compare with")
    if not 0.0 <= max_changed_share <= 1.0:
        raise ValueError("max_changed_share must lie in [0, 1]")

    def norm(text: str) -> str:
        return " ".join(text.casefold().split())

    changed = sorted(cid for cid in baseline if cid in current and norm(baseline[cid]) != norm(current[cid]))
    missing = sorted(cid for cid in baseline if cid not in current)
    added = sorted(cid for cid in current if cid not in baseline)
    share = (len(changed) + len(missing)) / len(baseline)
    return {"changed": changed, "missing": missing, "added": added, "changed_share": float(share),
            "drift": share > max_changed_share}
    # END SOLUTION


# %%
check("models_version_pinning.canary_diff", canary_diff)

# %% [markdown]
# BEGIN SOLUTION NOTE
# Reading the results: the pin checker flags a role on an alias even when today's answers look fine,
# because the point of a pin is to fail before the model moves, not after. The canary diff with the
# default `max_changed_share=0.0` alarms on any change, which is right for a server like the course's,
# where a repeated request gives the same answer; on a provider whose answers vary a little at
# temperature 0, raise it to just above the share you measure between two runs with nothing changed.
# END SOLUTION NOTE
