"""The business rules of the bilan, one function per rule, called by views,
commands and tests alike: creating a candidate with their bilan and changing it
(`bilans`); saving, completing, validating and reopening a phase (`answers`);
comments and messages (`threads`). Each raises a typed exception when the rule
refuses, under the row locks that make it hold.
"""
