"""``python -m testerterms``."""

from .cli import main

raise SystemExit(main())
