"""The document de synthèse of a bilan (Code du travail, L6313-4 and R6313-4).

The conseiller writes it in three legal sections while reading the candidate's
answers, submits versions for the candidate's observations, then hands over
("remet") the last one as a tagged PDF; the candidate alone may share it.
"""
