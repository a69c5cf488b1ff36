"""A table is validated once per version of its contents: the quarantine, the blocking check and the release's
re-check of an equal frame share one pandera run, and any change to the frame is validated afresh."""
from tests.publish.sample_release import sample_tables

from pipeline import validate


def test_an_equal_frame_reuses_the_failures_and_a_changed_one_is_validated_again():
    facts = sample_tables()["facts"]
    assert validate.schema_failures("facts", facts).empty
    assert validate.schema_failures("facts", facts.copy()).empty  # equal: the same (empty) result
    bad = facts.copy()
    bad.loc[0, "unit"] = "parsecs"  # not a unit of the vocabulary
    found = validate.schema_failures("facts", bad)
    assert not found.empty and "parsecs" in set(found["failure_case"].astype(str))
    bad.loc[0, "unit"] = facts.loc[0, "unit"]  # changed back, in place: validated again, passes
    assert validate.schema_failures("facts", bad).empty
