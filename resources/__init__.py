"""docmgr's data (taxonomy, starter models, translations): installed as the package ``docmgr.resources``
(see setup.py) and read with :mod:`importlib.resources`."""
