"""The one thing pyproject.toml cannot say: the top-level ``resources/`` folder (named by the design
card, edited as data) is installed inside the package, as ``docmgr.resources``, so that an installed
docmgr (wheel, PyInstaller) reads it with importlib.resources wherever the checkout is."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["docmgr", "docmgr.*"]), "docmgr.resources"],
    package_dir={"docmgr.resources": "resources"},
    package_data={"docmgr": ["py.typed"],
                  "docmgr.resources": ["*.json", "*.jsonl", "*.md", "starter/*.skops", "i18n/*.qm", "i18n/*.ts",
                                       "records/*.json"]},
)
