"""The content the product ships: the ten phases of the bilan as data (`phases/`,
one YAML file each), what installs them as pages (`install`, also `manage.py
install_phases`) and the demo candidate's answers (`demo_story`, used by `manage.py
load_demo`).
"""
