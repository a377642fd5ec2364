"""The service layer: the only code that changes stored data. Plain Python, used by the UI and the CLI.

Services return detached ORM objects (``expire_on_commit=False``): read them freely, but change data
only by calling a service again.
"""
