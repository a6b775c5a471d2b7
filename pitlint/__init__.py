"""pitlint: checks FOI public interest tests before they are published."""

__version__ = "0.1.0"
