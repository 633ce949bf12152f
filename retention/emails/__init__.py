"""E-mails of the end of a bilan: a step happened, here is the link; never content."""
