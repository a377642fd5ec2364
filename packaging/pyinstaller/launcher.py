"""Entry point of the PyInstaller bundle."""

from ficdesk.cli import main

raise SystemExit(main())
