"""Getting a finished draft onto AO3, fanfiction.net, Wattpad and tumblr (no Qt).

:mod:`~ficdesk.posting.limits` holds the sites' limits (one table, sources named);
:mod:`~ficdesk.posting.sites` decides what goes into each box of a site's form;
:mod:`~ficdesk.posting.files` writes one file per chapter plus ``metadata.json`` (``ficdesk post``).
"""
