"""The end of a bilan: closing it, keeping and destroying its documents on
schedule (R6313-7 of the Code du travail), and the candidate's data rights
(RGPD: access, copy, erasure; inactive accounts)."""
