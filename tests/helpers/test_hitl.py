"""The simulated event log the lesson product_human_in_the_loop ships is what its simulator makes, and
the simulator's stated assumptions show up in what it makes."""

import pandas as pd
import pytest

from llmcourse.helpers import hitl, shipped


def test_the_shipped_log_is_the_simulator_with_its_defaults():
    shipped_log = shipped.load("product_human_in_the_loop", "events.csv")
    shipped_log["final"] = shipped_log["final"].fillna("")
    pd.testing.assert_frame_equal(shipped_log, hitl.simulate_week(), check_dtype=False)


def test_the_simulated_week_follows_its_assumptions():
    log = hitl.simulate_week(p_correct=0.6)
    assert 0.55 < (log["suggested"] == log["true_category"]).mean() < 0.65
    assert set(log["action"]) == {"accept", "edit", "dismiss"}
    assert (log.loc[log["action"] == "dismiss", "final"] == "").all()
    assert (log.loc[log["action"] == "accept", "final"] == log.loc[log["action"] == "accept", "suggested"]).all()
    assert not log.loc[log["action"] != "accept", "changed_later"].any()


def test_better_suggestions_mean_more_accepts_and_fewer_edits():
    weak, strong = hitl.simulate_week(p_correct=0.2), hitl.simulate_week(p_correct=0.9)
    assert (weak["action"] == "accept").mean() < (strong["action"] == "accept").mean()
    assert (weak["action"] == "edit").mean() > (strong["action"] == "edit").mean()


def test_probabilities_outside_zero_to_one_are_refused():
    with pytest.raises(ValueError):
        hitl.simulate_week(p_correct=1.5)
