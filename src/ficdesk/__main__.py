"""Allow ``python -m ficdesk``."""

from ficdesk.cli import main

raise SystemExit(main())
