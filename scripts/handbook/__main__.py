"""`python -m handbook ...`: see handbook.cli."""

import sys

from .cli import main

sys.exit(main())
